import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { readConfig } from "~/config.server";

/**
 * Where image renditions are kept. The app only talks to this port, so an object-storage
 * implementation (S3-compatible) can replace the local disk without touching its callers.
 */
export interface ImageStorage {
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  /** Removes every file under a key prefix (one image's renditions). */
  removePrefix(prefix: string): Promise<void>;
  /** The URL a browser fetches the file from. */
  publicUrl(key: string): string;
}

/** URL path under which the local disk storage is served (see scripts/server.ts). */
export const MEDIA_URL_PREFIX = "/media";

export function mediaRoot(): string {
  return path.resolve(readConfig().DATA_DIR, "media");
}

export function localDiskStorage(root: string = mediaRoot()): ImageStorage {
  const fileFor = (key: string) => {
    const file = path.resolve(root, key);
    if (!file.startsWith(root + path.sep)) throw new Error(`Image key escapes storage: ${key}`);
    return file;
  };
  return {
    async put(key, body) {
      const file = fileFor(key);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, body);
    },
    async removePrefix(prefix) {
      await rm(fileFor(prefix), { recursive: true, force: true });
    },
    publicUrl(key) {
      return `${MEDIA_URL_PREFIX}/${key}`;
    },
  };
}

export const imageStorage: ImageStorage = localDiskStorage();
