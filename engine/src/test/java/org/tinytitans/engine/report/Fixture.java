package org.tinytitans.engine.report;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The hand-written sweep result in test resources: five finished l1/random points and one failed fpgm run. */
final class Fixture {
    private Fixture() {}

    static Path sweepDir() {
        try {
            return Path.of(Fixture.class.getResource("/report/sweep/result.json").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static RunResult sweep() {
        return ResultReader.read(sweepDir());
    }

    static final String L1_30 = "criteria_sweep[criterion=l1,ratio=30%]";
    static final String L1_50 = "criteria_sweep[criterion=l1,ratio=50%]";
    static final String L1_70 = "criteria_sweep[criterion=l1,ratio=70%]";
    static final String RANDOM_50 = "criteria_sweep[criterion=random,ratio=50%]";
    static final String RANDOM_70 = "criteria_sweep[criterion=random,ratio=70%]";
    static final String FPGM_50 = "criteria_sweep[criterion=fpgm,ratio=50%]";
}
