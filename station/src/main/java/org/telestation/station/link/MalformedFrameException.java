package org.telestation.station.link;

/** A live frame that does not follow docs/wire-protocol.md; the only error {@link LiveFrameCodec#decode} throws. */
public class MalformedFrameException extends Exception {
    public MalformedFrameException(String message) {
        super(message);
    }
}
