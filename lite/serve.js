#!/usr/bin/env node
/**
 * `npm run lite:serve`: serves the built site (build/lite/) on 127.0.0.1, the way any static web
 * server would; open the printed URL. Also used by the tests (run.js).
 *
 *   node lite/serve.js [dir = build/lite] [port = 8765]
 */
const fs = require("fs");
const http = require("http");
const path = require("path");
const { URL } = require("url");

const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".ipynb": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".gif": "image/gif",
  ".jpg": "image/jpeg",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".eot": "application/vnd.ms-fontobject",
  ".map": "application/json",
  ".md": "text/markdown; charset=utf-8",
};

/**
 * Serves `dir` on `host:port` (port 0: any free one); a folder answers with its index.html
 * (redirected to the trailing-slash form first, as most servers do).
 * @returns the listening server.
 */
function serve(dir, port = 0, host = "127.0.0.1") {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    const p = decodeURIComponent(new URL(req.url, "http://x").pathname);
    let file = path.join(root, p);
    if (file !== root && !file.startsWith(root + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
      if (!p.endsWith("/")) {
        res.writeHead(301, { Location: p + "/" }).end();
        return;
      }
      file = path.join(file, "index.html");
    }
    fs.stat(file, (err, st) => {
      if (err || !st.isFile()) {
        res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
        return;
      }
      const type = MIME[path.extname(file).toLowerCase()] ?? "application/octet-stream";
      res.writeHead(200, { "Content-Type": type, "Content-Length": st.size });
      fs.createReadStream(file).pipe(res);
    });
  });
  return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}

module.exports = { serve };

if (require.main === module) {
  const [dir = "build/lite", port = "8765"] = process.argv.slice(2);
  if (!fs.existsSync(path.join(dir, "lab", "index.html"))) {
    console.error(`no site in ${dir}/: run npm run lite first`);
    process.exit(1);
  }
  serve(dir, Number(port)).then((s) => {
    console.log(`serving ${dir}/ at http://127.0.0.1:${s.address().port}/lab/index.html`);
  });
}
