import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateRawSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildZip } from "../fixtures/docx/build-zip.js";
import { createLogger } from "../pipeline/batch/logger.js";
import { runBatch } from "../pipeline/batch/run-batch.js";
import type { ManifestEntry, RunManifest } from "../schemas/index.js";
import { FileOutput } from "../schemas/index.js";
import { listTree, snapshotTree } from "./helpers/tree.js";

const corpus = (name: string) => readFileSync(join("fixtures/corpus", name), "utf8");
const quiet = createLogger({ quiet: true });

function byPath(m: RunManifest): Record<string, ManifestEntry> {
  return Object.fromEntries(m.files.map((f) => [f.path, f]));
}

/** A DOCX whose document.xml inflates to 300 MB of zeros from a few hundred KB. */
function zipBomb(): Buffer {
  const zeros = Buffer.alloc(300 * 1024 * 1024);
  return buildZip([
    { name: "[Content_Types].xml", data: "<Types/>" },
    { name: "word/document.xml", compressed: deflateRawSync(zeros), declaredSize: zeros.length },
  ]);
}

describe("batch run over a mixed inbox with bad files", () => {
  const root = mkdtempSync(join(tmpdir(), "kehoach-batch-"));
  const inbox = join(root, "inbox");
  const out = join(root, "out");
  let first: RunManifest;
  let before: Record<string, string>;

  beforeAll(async () => {
    mkdirSync(join(inbox, "ba-to"), { recursive: true });
    mkdirSync(join(inbox, "bad"), { recursive: true });
    writeFileSync(join(inbox, "ba-to", "ke-hoach.txt"), corpus("000_e4db89253d0a1edd.txt"));
    writeFileSync(join(inbox, "ba-to", "ke-hoach-ban-sao.txt"), corpus("000_e4db89253d0a1edd.txt"));
    writeFileSync(join(inbox, "pho-minh.txt"), corpus("004_bde61b360d837a63.txt"));
    copyFileSync("fixtures/docx/ke-hoach-papi.docx", join(inbox, "ba-to", "papi.docx"));
    writeFileSync(
      join(inbox, "bad", "corrupt.pdf"),
      "%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage without xref",
    );
    writeFileSync(join(inbox, "bad", "empty.txt"), "");
    copyFileSync("fixtures/docx/quyet-dinh-xep-loai.doc", join(inbox, "bad", "legacy.doc"));
    copyFileSync("fixtures/bad/encrypted.pdf", join(inbox, "bad", "encrypted.pdf"));
    writeFileSync(join(inbox, "bad", "bomb.docx"), zipBomb());
    writeFileSync(join(inbox, "bad", "hang.txt"), "KẾ HOẠCH\nmột tệp làm treo tiến trình xử lý");
    before = snapshotTree(inbox);
    process.env.KEHOACH_FAULT_INJECTION = "hang:bad/hang.txt";
    first = await runBatch({ inbox, out, logger: quiet, limits: { fileTimeoutMs: 3000 } });
  });
  afterAll(() => {
    delete process.env.KEHOACH_FAULT_INJECTION;
  });

  it("records every bad file with its reason while the good ones succeed", () => {
    const f = byPath(first);
    expect(f["pho-minh.txt"]?.status).toBe("success");
    expect(f["ba-to/papi.docx"]?.status).toBe("success");
    expect(f["bad/corrupt.pdf"]).toMatchObject({ status: "failed", rule: "corrupt" });
    expect(f["bad/empty.txt"]).toMatchObject({ status: "failed", rule: "empty" });
    expect(f["bad/legacy.doc"]).toMatchObject({ status: "failed", rule: "legacy-doc" });
    expect(f["bad/encrypted.pdf"]).toMatchObject({ status: "failed", rule: "encrypted" });
    expect(f["bad/bomb.docx"]).toMatchObject({ status: "failed", rule: "zip-bomb" });
    expect(f["bad/hang.txt"]).toMatchObject({ status: "failed", rule: "timeout" });
    for (const e of first.files.filter((x) => x.status === "failed")) expect(e.reason).toMatch(/\w{4,}/);
  });

  it("recognises the same content under two names as a duplicate", () => {
    const f = byPath(first);
    const pair = [f["ba-to/ke-hoach.txt"]?.status, f["ba-to/ke-hoach-ban-sao.txt"]?.status].sort();
    expect(pair).toEqual(["duplicate", "success"]);
    const dupPath =
      f["ba-to/ke-hoach.txt"]?.status === "duplicate" ? "ba-to/ke-hoach.txt" : "ba-to/ke-hoach-ban-sao.txt";
    const dup = JSON.parse(readFileSync(join(out, "documents", `${dupPath}.json`), "utf8"));
    expect(dup.source.path).toBe(dupPath);
    expect(dup.documents[0].text).toContain("KẾ HOẠCH");
  });

  it("writes a valid JSON per file (failed ones too) and leaves the inbox byte-for-byte unchanged", () => {
    expect(snapshotTree(inbox)).toEqual(before);
    for (const e of first.files) {
      const json = JSON.parse(readFileSync(join(out, e.output ?? "missing"), "utf8"));
      expect(FileOutput.safeParse(json).success).toBe(true);
    }
    expect(listTree(out).filter((p) => p.endsWith(".tmp"))).toEqual([]);
  });

  it("skips unchanged files on the next run and reprocesses a changed one", async () => {
    writeFileSync(join(inbox, "pho-minh.txt"), `${corpus("004_bde61b360d837a63.txt")}\nBổ sung.`);
    delete process.env.KEHOACH_FAULT_INJECTION;
    const second = byPath(await runBatch({ inbox, out, logger: quiet }));
    expect(second["pho-minh.txt"]?.status).toBe("success");
    expect(second["ba-to/ke-hoach.txt"]?.status).toBe("skipped-unchanged");
    expect(second["ba-to/ke-hoach-ban-sao.txt"]?.status).toBe("skipped-unchanged");
    expect(second["ba-to/papi.docx"]?.status).toBe("skipped-unchanged");
    expect(second["bad/corrupt.pdf"]?.status).toBe("skipped-unchanged");
    // A timeout may have been transient: the file is tried again (and now succeeds).
    expect(second["bad/hang.txt"]?.status).toBe("success");
    const forced = byPath(await runBatch({ inbox, out, logger: quiet, force: true }));
    expect(forced["ba-to/papi.docx"]?.status).toBe("success");
  });

  it("drops the result of a file taken out of the inbox, so it no longer counts in the scores", async () => {
    const inbox2 = join(root, "inbox2");
    mkdirSync(join(inbox2, "a"), { recursive: true });
    writeFileSync(join(inbox2, "a", "cu.txt"), corpus("001_588ab9feba8899da.txt"));
    writeFileSync(join(inbox2, "a", "moi.txt"), corpus("004_bde61b360d837a63.txt"));
    const out2 = join(root, "out2");
    await runBatch({ inbox: inbox2, out: out2, logger: quiet });
    expect(existsSync(join(out2, "documents/a/cu.txt.json"))).toBe(true);
    rmSync(join(inbox2, "a", "cu.txt"));
    const m = await runBatch({ inbox: inbox2, out: out2, logger: quiet });
    expect(m.removed).toEqual(["a/cu.txt"]);
    expect(existsSync(join(out2, "documents/a/cu.txt.json"))).toBe(false);
    expect(byPath(m)["a/moi.txt"]?.status).toBe("skipped-unchanged");
  });
});

describe("worker isolation", () => {
  it("a crashing worker and a memory hog are recorded and replaced; the batch goes on", async () => {
    const root = mkdtempSync(join(tmpdir(), "kehoach-iso-"));
    const inbox = join(root, "inbox");
    mkdirSync(inbox);
    for (const name of ["crash.txt", "oom.txt", "ok-1.txt", "ok-2.txt"]) {
      writeFileSync(join(inbox, name), `KẾ HOẠCH\nTệp ${name} của thị trấn Ba Tơ năm 2025.`);
    }
    process.env.KEHOACH_FAULT_INJECTION = "crash:crash.txt,oom:oom.txt";
    try {
      const m = byPath(await runBatch({ inbox, out: join(root, "out"), logger: quiet, memoryLimitMb: 400 }));
      expect(m["crash.txt"]).toMatchObject({ status: "failed", rule: "worker-crash" });
      expect(m["oom.txt"]).toMatchObject({ status: "failed", rule: "out-of-memory" });
      expect(m["ok-1.txt"]?.status).toBe("success");
      expect(m["ok-2.txt"]?.status).toBe("success");
    } finally {
      delete process.env.KEHOACH_FAULT_INJECTION;
    }
  });
});
