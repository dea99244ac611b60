package org.telestation.devices.model;

import java.io.IOException;

/** A device cannot be opened or has gone away; carries what to tell the nurse. */
public class DeviceUnavailableException extends IOException {
    private final transient DeviceProblem problem;

    public DeviceUnavailableException(DeviceProblem problem) {
        super(problem.code() + ": " + problem.nurseDiagnostic());
        this.problem = problem;
    }

    public DeviceUnavailableException(DeviceProblem problem, Throwable cause) {
        super(problem.code() + ": " + problem.nurseDiagnostic(), cause);
        this.problem = problem;
    }

    public DeviceProblem problem() {
        return problem;
    }
}
