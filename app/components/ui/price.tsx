import { formatRupiah } from "~/lib/money";

export function Price({ rupiah }: { rupiah: number }) {
  return <data value={rupiah}>{formatRupiah(rupiah)}</data>;
}
