package org.telestation.devices.audio;

import java.io.IOException;

import org.telestation.devices.model.DeviceProblem;

/** The stethoscope cannot be opened or has gone; carries what to tell the nurse. */
public class AudioDeviceUnavailableException extends IOException {
    private final transient DeviceProblem problem;

    public AudioDeviceUnavailableException(DeviceProblem problem) {
        super(problem.code() + ": " + problem.nurseDiagnostic());
        this.problem = problem;
    }

    public AudioDeviceUnavailableException(DeviceProblem problem, Throwable cause) {
        super(problem.code() + ": " + problem.nurseDiagnostic(), cause);
        this.problem = problem;
    }

    public DeviceProblem problem() {
        return problem;
    }
}
