#!/usr/bin/env python3
"""Time-limited TURN credentials, exactly as the Telestation server issues them (coturn `use-auth-secret`).

    username   = f"{expiry_unix_seconds}:{user_id}"       user_id is opaque: a session id, never a name
    credential = base64(HMAC-SHA1(shared_secret, username))

The server returns them to the browser or the station with the URIs (RTCIceServer: urls, username, credential).
Usage: turn_credentials.py SECRET USER_ID [TTL_SECONDS]   (prints username and credential on two lines)
"""
import base64
import hashlib
import hmac
import sys
import time


def turn_credentials(secret: str, user_id: str, ttl_seconds: int, now: float) -> tuple[str, str]:
    username = f"{int(now) + ttl_seconds}:{user_id}"
    digest = hmac.new(secret.encode(), username.encode(), hashlib.sha1).digest()
    return username, base64.b64encode(digest).decode()


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4) or sys.argv[1] in ("-h", "--help"):
        print(__doc__)
        sys.exit(0 if len(sys.argv) > 1 and sys.argv[1] in ("-h", "--help") else 2)
    user, password = turn_credentials(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) == 4 else 14400,
                                      time.time())
    print(user)
    print(password)
