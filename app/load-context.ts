import "@remix-run/node";

/** What the HTTP server (scripts/server.ts) hands to every loader and action. */
declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The client's address, as trusted through TRUST_PROXY hops. */
    clientIp: string;
    /** This response's Content-Security-Policy nonce, for the scripts Remix renders. */
    cspNonce: string;
  }
}

export {};
