#!/usr/bin/env python3
"""webhook_receiver.py PORT DIR — a webhook receiver for the tests on 127.0.0.1:PORT: answers each POST with the next
status of DIR/plan (one per line; 200 when it runs out; "410" gone), checks the Standard Webhooks signature against
every secret in DIR/secrets (one per line) and appends one JSON line per request to DIR/log:
{"path", "id", "timestamp", "signature_ok", "status", "body"}."""
import base64, hashlib, hmac, json, os, sys
from http.server import BaseHTTPRequestHandler, HTTPServer

PORT, DIR = int(sys.argv[1]), sys.argv[2]


def lines(name):
    try:
        with open(os.path.join(DIR, name)) as f:
            return [l.strip() for l in f if l.strip()]
    except FileNotFoundError:
        return []


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        mid, ts = self.headers.get("webhook-id", ""), self.headers.get("webhook-timestamp", "")
        sigs = self.headers.get("webhook-signature", "").split()
        ok = False
        for secret in lines("secrets"):
            key = base64.b64decode(secret[len("whsec_"):])
            want = "v1," + base64.b64encode(hmac.new(key, f"{mid}.{ts}.".encode() + body, hashlib.sha256).digest()).decode()
            ok = ok or any(hmac.compare_digest(want, s) for s in sigs)
        done = len(lines("log"))
        plan = lines("plan")
        status = int(plan[done]) if done < len(plan) else 200
        with open(os.path.join(DIR, "log"), "a") as f:
            f.write(json.dumps({"path": self.path, "id": mid, "timestamp": ts, "signature_ok": ok, "signatures": len(sigs),
                                "status": status, "body": body.decode()}) + "\n")
        self.send_response(status)
        if status == 503:
            self.send_header("Retry-After", "1")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *a):
        pass


HTTPServer(("127.0.0.1", PORT), Handler).serve_forever()
