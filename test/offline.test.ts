import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(".");
const CLI = join(root, "dist/pipeline/cli.js");
const GUARD = join(root, "test/helpers/no-network.mjs");

/** `unshare -n` gives the run a network namespace with no interfaces but loopback (needs root). */
function canUnshare(): boolean {
  return spawnSync("unshare", ["-n", "true"]).status === 0;
}

describe("offline: OCR and the whole run never touch the network", () => {
  it("reads a scanned page with every network path refused, fetching nothing and writing no model file", () => {
    const dir = mkdtempSync(join(tmpdir(), "kehoach-offline-"));
    const inbox = join(dir, "inbox", "ba-vi");
    mkdirSync(inbox, { recursive: true });
    copyFileSync("fixtures/forms/001-ba-vi/page-1.png", join(inbox, "trang-1.png"));
    const netLog = join(dir, "net.log");
    const args = [
      "--import",
      GUARD,
      CLI,
      "run",
      "--inbox",
      join(dir, "inbox"),
      "--out",
      join(dir, "out"),
      "--json",
    ];
    const env = { ...process.env, KEHOACH_NET_LOG: netLog };
    // Two locks on the door: no network namespace at all (when we may create one), and every Node
    // network API replaced by a refusal that leaves a trace.
    const run = canUnshare()
      ? spawnSync("unshare", ["-n", process.execPath, ...args], { cwd: dir, env, encoding: "utf8" })
      : spawnSync(process.execPath, args, { cwd: dir, env, encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    expect(existsSync(netLog) ? readFileSync(netLog, "utf8") : "").toBe("");
    const out = JSON.parse(readFileSync(join(dir, "out/documents/ba-vi/trang-1.png.json"), "utf8"));
    expect(out.status).toBe("success");
    expect(out.source.ocr.used).toBe(true);
    expect(out.documents[0].text).toMatch(/KẾ HOẠCH|dân vận/);
    // tesseract.js caches the model in the working directory unless told not to.
    expect(readdirSync(dir).filter((f) => f.includes("traineddata"))).toEqual([]);
  });

  it("the guard itself works: a fetch under it is refused and logged", () => {
    const dir = mkdtempSync(join(tmpdir(), "kehoach-guard-"));
    const netLog = join(dir, "net.log");
    const run = spawnSync(
      process.execPath,
      [
        "--import",
        GUARD,
        "-e",
        "fetch('https://example.com').catch(()=>{}); try{require('node:https').get('https://x')}catch{}",
      ],
      { env: { ...process.env, KEHOACH_NET_LOG: netLog }, encoding: "utf8" },
    );
    expect(run.status).toBe(0);
    expect(readFileSync(netLog, "utf8")).toMatch(/fetch https:\/\/example.com/);
  });
});
