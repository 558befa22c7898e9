import type { Request as ExpressRequest, RequestHandler } from "express";
import { logInfo } from "~/lib/log.server";
import { refusalPage } from "./refusal";

/**
 * The first thing every request meets, before static files, middleware and Remix: it refuses,
 * with a plain 4xx page in both languages, what no page of the shop ever sends, so that nothing
 * behind it has to survive it.
 *
 * - Methods: GET, HEAD and POST (Remix forms and fetchers use nothing else). TRACE, PUT… get 405.
 * - Paths: what Remix routes must be what every middleware sees. Express looks at the raw path,
 *   Remix at the decoded one, so a path whose meaning changes when decoded or normalised is
 *   refused: dot segments (`/webhooks/../cart`, `%2e%2e`), encoded slashes or backslashes,
 *   malformed percent-encoding (`/products/%zz`), and control characters (`%00`) in the path or
 *   the query. After this, the raw path and the routed path name the same route.
 * - Bodies: forms are sent urlencoded or multipart; the Stripe webhook is JSON. Anything else (a
 *   form posted as JSON, XML or text) gets 415 before any action reads it.
 */
const ALLOWED_METHODS = new Set(["GET", "HEAD", "POST"]);
/** Callbacks from other services: they post JSON and carry a signature instead of a session. */
export const WEBHOOK_PREFIX = "/webhooks/";
const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];
const JSON_TYPES = ["application/json"];
/** Longer addresses are never made by the shop's own links and forms. */
const MAX_URL_LENGTH = 4096;

// C0 controls and DEL: never part of a path, a search or a form's hidden field.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

type Problem = { status: 400 | 405 | 414 | 415; id: string; en: string };

const problems = {
  method: {
    status: 405,
    id: "Cara permintaan ini tidak didukung oleh situs ini.",
    en: "This kind of request is not supported by this site.",
  },
  address: {
    status: 400,
    id: "Alamat halaman ini tidak sah. Periksa tautannya, atau mulai lagi dari beranda.",
    en: "This page address is not valid. Check the link, or start again from the home page.",
  },
  tooLong: {
    status: 414,
    id: "Alamat halaman ini terlalu panjang.",
    en: "This page address is too long.",
  },
  form: {
    status: 415,
    id: "Formulir ini dikirim dalam format yang tidak dikenal. Kirim ulang dari halaman situs.",
    en: "This form was sent in a format the site does not accept. Send it again from the site's page.",
  },
  webhook: {
    status: 415,
    id: "Hanya JSON yang diterima di alamat ini.",
    en: "Only JSON is accepted at this address.",
  },
} satisfies Record<string, Problem>;

/** The decoded path, or null when decoding or normalising would change which route it names. */
export function routedPath(rawPath: string): string | null {
  if (!rawPath.startsWith("/")) return null;
  const segments = rawPath.split("/");
  const decoded: string[] = [];
  for (const segment of segments) {
    let plain: string;
    try {
      plain = decodeURIComponent(segment);
    } catch {
      return null;
    }
    if (plain === "." || plain === ".." || /[/\\]/.test(plain) || CONTROL.test(plain)) {
      return null;
    }
    decoded.push(plain);
  }
  return decoded.join("/");
}

/** The media type of a body, lower-cased, without its parameters; "" when none is given. */
function mediaType(request: ExpressRequest): string {
  return (request.get("Content-Type") ?? "").split(";")[0]!.trim().toLowerCase();
}

function hasBody(request: ExpressRequest): boolean {
  const length = request.get("Content-Length");
  return request.get("Transfer-Encoding") !== undefined || (length !== undefined && length !== "0");
}

function problemWith(request: ExpressRequest): Problem | null {
  if (!ALLOWED_METHODS.has(request.method)) return problems.method;
  const url = request.originalUrl;
  if (url.length > MAX_URL_LENGTH) return problems.tooLong;
  const queryAt = url.indexOf("?");
  const path = routedPath(queryAt === -1 ? url : url.slice(0, queryAt));
  if (path === null) return problems.address;
  if (queryAt !== -1) {
    const query = url.slice(queryAt + 1);
    // URLSearchParams forgives malformed escapes; a control character is what it decodes to.
    for (const [key, value] of new URLSearchParams(query)) {
      if (CONTROL.test(key) || CONTROL.test(value)) return problems.address;
    }
  }
  if (request.method === "POST") {
    const type = mediaType(request);
    if (path.startsWith(WEBHOOK_PREFIX)) {
      if (!JSON_TYPES.includes(type)) return problems.webhook;
    } else if (type === "" ? hasBody(request) : !FORM_TYPES.includes(type)) {
      return problems.form;
    }
  }
  return null;
}

export const requestHygiene: RequestHandler = (request, response, next) => {
  const problem = problemWith(request);
  if (!problem) return next();
  logInfo("request refused", {
    status: problem.status,
    method: request.method,
    // The address as sent may hold anything; only its start is logged, escaped by JSON.
    url: request.originalUrl.slice(0, 200),
    contentType: request.get("Content-Type")?.slice(0, 100),
    ip: request.ip,
  });
  if (problem === problems.method) response.set("Allow", [...ALLOWED_METHODS].join(", "));
  // The body is not read: the connection is not reused for another request after this answer.
  if (hasBody(request)) response.set("Connection", "close");
  response
    .status(problem.status)
    .set("Cache-Control", "no-store")
    .type("html")
    .send(request.method === "HEAD" ? undefined : refusalPage(problem.id, problem.en));
};
