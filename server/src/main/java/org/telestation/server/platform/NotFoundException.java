package org.telestation.server.platform;

/** An id that names nothing: 404 on the API, a readable page on screens. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String resourceType, Object id) {
        super(resourceType + " " + id + " not found");
    }
}
