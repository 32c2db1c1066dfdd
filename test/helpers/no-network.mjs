// Preloaded with `node --import` in the offline test: every way Node can reach the network is
// replaced by a function that records the attempt (in the file named by KEHOACH_NET_LOG) and fails.
// A run that reaches for the network therefore both fails and leaves evidence.

import dns from "node:dns";
import { appendFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import tls from "node:tls";

const log = process.env.KEHOACH_NET_LOG;
function refuse(what) {
  return (...args) => {
    const target = typeof args[0] === "object" ? JSON.stringify(args[0])?.slice(0, 200) : String(args[0]);
    if (log) appendFileSync(log, `${what} ${target}\n`);
    throw new Error(`network access refused in offline test: ${what} ${target}`);
  };
}
net.Socket.prototype.connect = refuse("net.connect");
net.connect = refuse("net.connect");
net.createConnection = refuse("net.createConnection");
tls.connect = refuse("tls.connect");
http.request = refuse("http.request");
http.get = refuse("http.get");
https.request = refuse("https.request");
https.get = refuse("https.get");
dns.lookup = refuse("dns.lookup");
dns.promises.lookup = refuse("dns.promises.lookup");
const refuseFetch = refuse("fetch");
globalThis.fetch = (...args) => {
  try {
    return refuseFetch(...args);
  } catch (err) {
    return Promise.reject(err);
  }
};
