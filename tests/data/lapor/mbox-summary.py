#!/usr/bin/env python3
"""Read an mbox with Python's mailbox module and print what a mail reader
would show: the envelope sender, the decoded headers, the decoded body.

Usage: mbox-summary.py FILE.  Checks on the way (exit 1 when one fails):
every header line is at most 78 characters, every Message-ID has the form
<YYYYMMDDhhmmss.16hex@domain> and is unique, the Date parses."""
import email.header
import email.utils
import mailbox
import re
import sys

def decoded(v):
    return str(email.header.make_header(email.header.decode_header(v)))

box = mailbox.mbox(sys.argv[1], create=False)
ids = set()
bad = 0
for key in box.keys():
    raw = box.get_bytes(key)
    head = raw.split(b"\n\n", 1)[0]
    for line in head.split(b"\n"):
        if len(line) > 78:
            print("LONG HEADER LINE:", line.decode(), file=sys.stderr)
            bad = 1
    m = box[key]
    mid = m["Message-ID"]
    if not re.fullmatch(r"<\d{14}\.[0-9a-f]{16}@[a-z0-9.-]+>", mid) or mid in ids:
        print("BAD MESSAGE-ID:", mid, file=sys.stderr)
        bad = 1
    ids.add(mid)
    if email.utils.parsedate_to_datetime(m["Date"]) is None:
        bad = 1
    print("sender:", m.get_from().split(" ")[0])
    for h in ("Date", "From", "To", "Cc", "Reply-To", "Subject",
              "Content-Type", "Content-Transfer-Encoding"):
        if m[h] is not None:
            print("%s: %s" % (h, decoded(m[h])))
    print("body:")
    sys.stdout.write(m.get_payload(decode=True).decode("utf-8"))
    print("----")
sys.exit(bad)
