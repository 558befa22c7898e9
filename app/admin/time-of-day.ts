/**
 * Times of day as the admin types them ("08:30", also "8.30") and as the database keeps them
 * (minutes after midnight WIB). The inputs are `<input type="time">`, which knows no "24:00", so
 * neither does this: a counter open until midnight closes at 23:59.
 */
export function parseTimeOfDay(text: string): number | null {
  const match = /^(\d{1,2})[:.](\d{2})$/.exec(text.trim());
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  return hours > 23 || minutes > 59 ? null : hours * 60 + minutes;
}

/** 510 → "08:30", the value an `<input type="time">` takes. */
export function timeOfDayValue(minutes: number): string {
  const hh = String(Math.floor(minutes / 60)).padStart(2, "0");
  const mm = String(minutes % 60).padStart(2, "0");
  return `${hh}:${mm}`;
}
