package dev.mlops.testing;

import dev.mlops.api.drift.StreamingDriftDetector;
import dev.mlops.core.drift.stream.HddmA;
import dev.mlops.core.drift.stream.HddmW;
import dev.mlops.core.drift.stream.StreamingDetectors;
import org.junit.jupiter.api.Nested;

/**
 * {@link StreamingDetectorContractTest} against every built-in detector, with its defaults (and
 * HDDM's two-sided variants). Here rather than in mlops-core, which mlops-testing depends on.
 */
class BuiltInDetectorsContractTest {

  @Nested
  class Adwin extends StreamingDetectorContractTest {
    @Override
    protected StreamingDriftDetector newDetector() {
      return StreamingDetectors.adwin();
    }

    @Override
    protected Domain domain() {
      return Domain.FINITE;
    }

    @Override
    protected OnDrift onDrift() {
      return OnDrift.KEEPS_NEWEST_VALUES;
    }

    @Override
    protected boolean promisesNoAllocation() {
      return true;
    }
  }

  @Nested
  class Kswin extends StreamingDetectorContractTest {
    @Override
    protected StreamingDriftDetector newDetector() {
      return StreamingDetectors.kswin(42);
    }

    @Override
    protected Domain domain() {
      return Domain.FINITE;
    }

    @Override
    protected OnDrift onDrift() {
      return OnDrift.KEEPS_NEWEST_VALUES;
    }
  }

  @Nested
  class Ddm extends StreamingDetectorContractTest {
    @Override
    protected StreamingDriftDetector newDetector() {
      return StreamingDetectors.ddm();
    }

    @Override
    protected Domain domain() {
      return Domain.ERROR_INDICATORS;
    }

    @Override
    protected boolean promisesNoAllocation() {
      return true;
    }
  }

  @Nested
  class Eddm extends StreamingDetectorContractTest {
    @Override
    protected StreamingDriftDetector newDetector() {
      return StreamingDetectors.eddm();
    }

    @Override
    protected Domain domain() {
      return Domain.ERROR_INDICATORS;
    }

    @Override
    protected boolean promisesNoAllocation() {
      return true;
    }
  }

  @Nested
  class HddmAOneSided extends StreamingDetectorContractTest {
    @Override
    protected StreamingDriftDetector newDetector() {
      return StreamingDetectors.hddmA();
    }

    @Override
    protected Domain domain() {
      return Domain.UNIT_INTERVAL;
    }

    @Override
    protected boolean promisesNoAllocation() {
      return true;
    }
  }

  @Nested
  class HddmATwoSided extends StreamingDetectorContractTest {
    @Override
    protected StreamingDriftDetector newDetector() {
      return HddmA.builder().twoSided().build();
    }

    @Override
    protected Domain domain() {
      return Domain.UNIT_INTERVAL;
    }

    @Override
    protected boolean promisesNoAllocation() {
      return true;
    }
  }

  @Nested
  class HddmWOneSided extends StreamingDetectorContractTest {
    @Override
    protected StreamingDriftDetector newDetector() {
      return StreamingDetectors.hddmW();
    }

    @Override
    protected Domain domain() {
      return Domain.UNIT_INTERVAL;
    }

    @Override
    protected boolean promisesNoAllocation() {
      return true;
    }
  }

  @Nested
  class HddmWTwoSided extends StreamingDetectorContractTest {
    @Override
    protected StreamingDriftDetector newDetector() {
      return HddmW.builder().twoSided().build();
    }

    @Override
    protected Domain domain() {
      return Domain.UNIT_INTERVAL;
    }

    @Override
    protected boolean promisesNoAllocation() {
      return true;
    }
  }

  @Nested
  class PageHinkley extends StreamingDetectorContractTest {
    @Override
    protected StreamingDriftDetector newDetector() {
      return StreamingDetectors.pageHinkley();
    }

    @Override
    protected Domain domain() {
      return Domain.FINITE;
    }

    @Override
    protected boolean promisesNoAllocation() {
      return true;
    }
  }
}
