// Serves one PGlite instance to several client processes at once, safely, for drills that need
// more than one process on the embedded database (drill-outbox: two worker processes).
//
// PGlite is a single PostgreSQL session. The socket server of @electric-sql/pglite-socket queues
// the protocol messages of its connections one by one, so two clients' extended-query messages
// (Parse, Bind, Execute, Sync) can interleave — a Bind of one matched to the Parse of another —
// unless a transaction block is open. This server gives the session to one connection at a time,
// from its first message until PostgreSQL reports it idle again (ReadyForQuery with status 'I'),
// so every statement and every transaction runs whole. A client that disappears mid-transaction
// (SIGKILL) is rolled back and its turn ends.
import net from "node:net";
import type { PGlite } from "@electric-sql/pglite";

const SSL_REQUEST = 80877103;
const CANCEL_REQUEST = 80877102;
const SYNC = Buffer.from([0x53, 0, 0, 0, 4]); // 'S'

export type SerialServer = { url: string; stop(): Promise<void> };

/** Tracks a server→client byte stream to spot ReadyForQuery messages and their status byte. */
class ReadyWatcher {
  private header = Buffer.alloc(0);
  private remaining = 0;
  private type = 0;
  /** The status of the last ReadyForQuery seen ('I', 'T' or 'E'), cleared by `take`. */
  private status: string | null = null;

  feed(chunk: Uint8Array): void {
    let offset = 0;
    while (offset < chunk.length) {
      if (this.remaining === 0) {
        const need = 5 - this.header.length;
        const piece = Buffer.from(chunk.subarray(offset, offset + need));
        this.header = Buffer.concat([this.header, piece]);
        offset += piece.length;
        if (this.header.length < 5) return;
        this.type = this.header[0] as number;
        this.remaining = this.header.readInt32BE(1) - 4;
        this.header = Buffer.alloc(0);
        if (this.remaining === 0) continue;
      }
      const take = Math.min(this.remaining, chunk.length - offset);
      if (this.type === 0x5a /* 'Z' */ && take > 0 && this.remaining === 1) {
        this.status = String.fromCharCode(chunk[offset] as number);
      }
      this.remaining -= take;
      offset += take;
    }
  }

  take(): string | null {
    const status = this.status;
    this.status = null;
    return status;
  }
}

export async function serveSerialized(db: PGlite): Promise<SerialServer> {
  await db.waitReady;
  /** The connection whose turn it is, and those waiting for theirs. */
  let owner: object | null = null;
  const queue: { conn: object; resolve: () => void }[] = [];
  const acquire = (conn: object) =>
    owner === conn
      ? Promise.resolve()
      : owner === null
        ? ((owner = conn), Promise.resolve())
        : new Promise<void>((resolve) => queue.push({ conn, resolve }));
  const release = (conn: object) => {
    if (owner !== conn) return;
    const next = queue.shift();
    owner = next?.conn ?? null;
    next?.resolve();
  };
  const sockets = new Set<net.Socket>();

  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.setNoDelay(true);
    const conn = {};
    const watcher = new ReadyWatcher();
    let buffer = Buffer.alloc(0);
    let started = false;
    let closed = false;
    let work = Promise.resolve();

    const run = async (message: Buffer) => {
      if (closed) return;
      await acquire(conn);
      if (closed) {
        release(conn);
        return;
      }
      await db.runExclusive(() =>
        db.execProtocolRawStream(new Uint8Array(message), {
          onRawData: (chunk) => {
            watcher.feed(chunk);
            if (!closed && socket.writable) socket.write(Buffer.from(chunk));
          },
        }),
      );
      if (watcher.take() === "I") release(conn);
    };

    const cleanUp = async () => {
      if (owner !== conn) {
        const waiting = queue.findIndex((entry) => entry.conn === conn);
        if (waiting >= 0) queue.splice(waiting, 1);
        return;
      }
      // Its turn ends mid-way: finish the extended-query group and undo an open transaction.
      await db.runExclusive(() =>
        db.execProtocolRawStream(new Uint8Array(SYNC), { onRawData: () => undefined }),
      );
      if (db.isInTransaction()) await db.exec("ROLLBACK");
      release(conn);
    };

    socket.on("data", (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      const messages: Buffer[] = [];
      for (;;) {
        if (!started) {
          if (buffer.length < 8) break;
          const length = buffer.readInt32BE(0);
          if (buffer.length < length) break;
          const code = buffer.readInt32BE(4);
          const packet = buffer.subarray(0, length);
          buffer = buffer.subarray(length);
          if (code === SSL_REQUEST) {
            socket.write("N");
            continue;
          }
          if (code === CANCEL_REQUEST) continue;
          started = true;
          messages.push(Buffer.from(packet));
          continue;
        }
        if (buffer.length < 5) break;
        const length = buffer.readInt32BE(1) + 1;
        if (buffer.length < length) break;
        messages.push(Buffer.from(buffer.subarray(0, length)));
        buffer = buffer.subarray(length);
      }
      for (const message of messages) {
        if (message[0] === 0x58 /* 'X' Terminate */) {
          work = work
            .then(() => cleanUp())
            .finally(() => {
              socket.end();
            });
          continue;
        }
        work = work
          .then(() => run(message))
          .catch(() => {
            socket.destroy();
          });
      }
    });
    const onGone = () => {
      if (closed) return;
      closed = true;
      sockets.delete(socket);
      work = work.then(() => cleanUp()).catch(() => undefined);
    };
    socket.on("close", onGone);
    socket.on("error", onGone);
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}
