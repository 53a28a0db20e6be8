#!/usr/bin/env python3
"""smtp_sink.py PORT DIR — an SMTP server for the tests on 127.0.0.1:PORT that accepts every mail and writes each to
DIR/mail-N.txt (the envelope's RCPT TO on the first line, then the message)."""
import os, socketserver, sys

PORT, DIR = int(sys.argv[1]), sys.argv[2]


class Session(socketserver.StreamRequestHandler):
    def say(self, line):
        self.wfile.write((line + "\r\n").encode())

    def handle(self):
        self.say("220 sink ESMTP")
        rcpt = []
        while True:
            line = self.rfile.readline()
            if not line:
                return
            cmd = line.decode(errors="replace").strip()
            up = cmd.upper()
            if up.startswith("EHLO") or up.startswith("HELO"):
                self.say("250 sink")
            elif up.startswith("MAIL FROM"):
                rcpt = []
                self.say("250 ok")
            elif up.startswith("RCPT TO"):
                rcpt.append(cmd[8:].strip())
                self.say("250 ok")
            elif up == "DATA":
                self.say("354 go on")
                data = b""
                while True:
                    l = self.rfile.readline()
                    if not l or l in (b".\r\n", b".\n"):
                        break
                    data += l
                n = len([f for f in os.listdir(DIR) if f.startswith("mail-")])
                with open(os.path.join(DIR, f"mail-{n + 1}.txt"), "wb") as f:
                    f.write((" ".join(rcpt) + "\n").encode() + data)
                self.say("250 queued")
            elif up == "QUIT":
                self.say("221 bye")
                return
            else:
                self.say("250 ok")


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True


Server(("127.0.0.1", PORT), Session).serve_forever()
