package org.telestation.server.testsupport;

import java.util.UUID;
import org.telestation.server.directory.Station;
import org.telestation.server.directory.StationService;

/** Creates and enrols a real station, the way the coordinator and the agent do, for tests that need role STATION. */
public final class Stations {
    private Stations() {}

    public static Station.Credential enrolNew(StationService stations) {
        String code = "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Station.WithEnrolmentCode created = stations.create(new Station.Draft(code, "Test station", Station.Kind.CART,
                null));
        return stations.enrol(code, created.enrolmentCode()).orElseThrow();
    }
}
