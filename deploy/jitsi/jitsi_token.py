#!/usr/bin/env python3
"""Jitsi room tokens (HS256) with the claims the Telestation server puts in them (standards.md §7.1–7.2).

Roles: the remote doctor is `owner` (moderator, admits people from the lobby); the nurse's cart is `member` with
`lobby_bypass`; anyone else (family, interpreter, second specialist) is `member` and waits in the lobby.
`nbf` = slot start − 15 min, `exp` = appointment end + grace, `room` = a random id bound to the appointment.
For manual tests of a Jitsi installation; the server's Java code (nimbus-jose-jwt) must produce the same tokens.
Usage: jitsi_token.py SECRET ROOM ROLE(doctor|nurse|guest) NAME [DOMAIN] [APP_ID]   (prints the token)
"""
import base64
import hashlib
import hmac
import json
import sys
import time


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def room_token(secret, app_id, domain, room, role, user_id, name, not_before, expires):
    affiliation = "owner" if role == "doctor" else "member"
    user = {"id": user_id, "name": name, "affiliation": affiliation}
    if role == "nurse":
        user["lobby_bypass"] = True
    payload = {
        "iss": app_id, "aud": app_id, "sub": domain, "room": room, "nbf": not_before, "exp": expires,
        "context": {"user": user,
                    "features": {"recording": "false", "livestreaming": "false", "transcription": "false"}},
    }
    header = {"alg": "HS256", "typ": "JWT"}
    signing_input = b64url(json.dumps(header, separators=(",", ":")).encode()) + "." + \
        b64url(json.dumps(payload, separators=(",", ":")).encode())
    signature = hmac.new(secret.encode(), signing_input.encode(), hashlib.sha256).digest()
    return signing_input + "." + b64url(signature)


if __name__ == "__main__":
    if len(sys.argv) < 5 or sys.argv[1] in ("-h", "--help") or sys.argv[3] not in ("doctor", "nurse", "guest"):
        print(__doc__)
        sys.exit(0 if len(sys.argv) > 1 and sys.argv[1] in ("-h", "--help") else 2)
    secret, room, role, name = sys.argv[1:5]
    domain = sys.argv[5] if len(sys.argv) > 5 else "visio.cpts-example.fr"
    app_id = sys.argv[6] if len(sys.argv) > 6 else "telestation"
    now = int(time.time())
    print(room_token(secret, app_id, domain, room, role, f"{role}-test", name, now - 60, now + 3600))
