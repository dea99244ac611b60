package org.telestation.station.media;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Disposal of webrtc-java native objects. */
final class Natives {
    private static final Logger log = LoggerFactory.getLogger(Natives.class);

    private Natives() {
    }

    /**
     * Runs one disposal. Native objects still referenced by a closed peer connection refuse it ("a reference is still
     * around", thrown as a {@code java.lang.Error}); they are freed with the connection or the process, so this is
     * logged at debug and not rethrown. Any other error is.
     */
    static void dispose(String what, Runnable disposal) {
        if (disposal == null) return;
        try {
            disposal.run();
        } catch (RuntimeException e) {
            log.debug("{} not disposed: {}", what, e.getMessage());
        } catch (Error e) {
            if (e.getMessage() == null || !e.getMessage().startsWith("Native object was not deleted")) throw e;
            log.debug("{} not disposed: {}", what, e.getMessage());
        }
    }
}
