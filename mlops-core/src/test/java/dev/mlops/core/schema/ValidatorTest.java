package dev.mlops.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.api.data.ColumnType;
import dev.mlops.api.data.Table;
import dev.mlops.api.profile.TableProfile;
import dev.mlops.api.schema.Schema;
import dev.mlops.api.schema.SeverityPolicy;
import dev.mlops.api.schema.ValidationOptions;
import dev.mlops.api.schema.ValidationReport;
import dev.mlops.api.schema.Validator;
import dev.mlops.api.schema.ViolationKind;
import dev.mlops.core.data.Tables;
import dev.mlops.core.profile.Profiles;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ValidatorTest {

  private static final Schema SCHEMA = Schema.builder()
      .name("loans")
      .field("id", ColumnType.INTEGRAL, f -> f.notNull().unique())
      .field("amount", ColumnType.NUMERIC, f -> f.between(0, 10_000).meanBetween(100, 5_000).quantileBetween(0.5, 0, 9_000))
      .field("purpose", ColumnType.CATEGORICAL, f -> f.domain("car", "education", "tv").maxNullFraction(0.1))
      .field("reference", ColumnType.CATEGORICAL, f -> f.pattern("[A-Z]{2}\\d{4}").length(6, 6))
      .rowCount(1, 1_000_000)
      .build();

  /** A table with a mix of violations: out of range, repeated ids, unknown purposes, bad references. */
  private static Table table(long seed, int rows) {
    SplittableRandom random = new SplittableRandom(seed);
    long[] ids = new long[rows];
    double[] amounts = new double[rows];
    String[] purposes = new String[rows];
    String[] references = new String[rows];
    String[] domain = {"car", "education", "tv", "boat", null};
    for (int i = 0; i < rows; i++) {
      ids[i] = random.nextInt(rows * 2);
      amounts[i] = random.nextDouble(-500, 12_000);
      purposes[i] = domain[random.nextInt(domain.length)];
      references[i] = random.nextInt(10) == 0 ? "bad-" + i : String.format("AB%04d", random.nextInt(10_000));
    }
    return Tables.builder().integral("id", ids).numeric("amount", amounts).categorical("purpose", purposes)
        .categorical("reference", references).build();
  }

  @Test
  void validator_givesTheSameReportAsTheOneShotValidate() {
    Table t = table(1, 2_000);
    ValidationOptions options = ValidationOptions.builder().maxExamples(3).build();

    Validator validator = Schemas.validator(SCHEMA, options);

    assertThat(validator.schema()).isSameAs(SCHEMA);
    assertThat(validator.options()).isSameAs(options);
    ValidationReport report = validator.validate(t);
    assertThat(report).isEqualTo(Schemas.validate(t, SCHEMA, options));
    assertThat(report.violations()).extracting(v -> v.kind()).contains(ViolationKind.OUT_OF_RANGE,
        ViolationKind.NOT_UNIQUE, ViolationKind.NOT_IN_DOMAIN, ViolationKind.PATTERN_MISMATCH,
        ViolationKind.LENGTH_OUT_OF_RANGE);
    assertThat(Schemas.validator(SCHEMA).options()).isEqualTo(ValidationOptions.defaults());
  }

  @Test
  void validator_validatesProfilesAsTheOneShotValidateDoes() {
    TableProfile profile = Profiles.of(table(2, 2_000));
    ValidationOptions options = ValidationOptions.builder().severityPolicy(SeverityPolicy.ALL_WARNINGS).build();

    ValidationReport report = Schemas.validator(SCHEMA, options).validate(profile);

    assertThat(report).isEqualTo(Schemas.validate(profile, SCHEMA, options));
    assertThat(report.violations()).isNotEmpty();
  }

  @Test
  void validator_isReusableAndGivesIdenticalReportsFromManyThreadsAtOnce() throws Exception {
    List<Table> tables = List.of(table(3, 3_000), table(4, 1_000), table(5, 5_000));
    Validator validator = Schemas.validator(SCHEMA, ValidationOptions.builder().maxExamples(10).build());
    List<ValidationReport> expected = new ArrayList<>();
    for (Table t : tables) {
      expected.add(validator.validate(t));
    }
    int threads = 8;
    int rounds = 25;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<List<ValidationReport>>> results = new ArrayList<>();
      for (int th = 0; th < threads; th++) {
        int offset = th;
        results.add(pool.submit(() -> {
          start.await();
          List<ValidationReport> mine = new ArrayList<>();
          for (int r = 0; r < rounds; r++) {
            mine.add(validator.validate(tables.get((offset + r) % tables.size())));
          }
          return mine;
        }));
      }
      start.countDown();
      for (int th = 0; th < threads; th++) {
        List<ValidationReport> mine = results.get(th).get(60, TimeUnit.SECONDS);
        for (int r = 0; r < rounds; r++) {
          ValidationReport want = expected.get((th + r) % tables.size());
          assertThat(mine.get(r)).isEqualTo(want);
          assertThat(mine.get(r).failingRows()).containsExactly(want.failingRows());
          assertThat(mine.get(r).toText()).isEqualTo(want.toText());
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void validator_compilesEachPatternOnceWhenCreatedAndNeverPerValidation() {
    AtomicInteger compilations = new AtomicInteger();
    CompiledValidator validator = new CompiledValidator(SCHEMA, ValidationOptions.defaults(), regex -> {
      compilations.incrementAndGet();
      return LinearPatterns.compile(regex);
    });
    assertThat(compilations).hasValue(1);

    Table t = table(6, 500);
    ValidationReport first = validator.validate(t);
    for (int i = 0; i < 10; i++) {
      assertThat(validator.validate(t)).isEqualTo(first);
    }
    validator.validate(Profiles.of(t));

    assertThat(compilations).as("compilations after 12 validations").hasValue(1);
    assertThat(first.violations(ViolationKind.PATTERN_MISMATCH)).isNotEmpty();
  }

  @Test
  void validator_rejectsNullArgumentsNamingThem() {
    Validator validator = Schemas.validator(SCHEMA);

    assertThatThrownBy(() -> Schemas.validator(null)).isInstanceOf(NullPointerException.class).hasMessage("schema");
    assertThatThrownBy(() -> Schemas.validator(SCHEMA, null)).isInstanceOf(NullPointerException.class)
        .hasMessage("options");
    assertThatThrownBy(() -> validator.validate((Table) null)).isInstanceOf(NullPointerException.class)
        .hasMessage("table");
    assertThatThrownBy(() -> validator.validate((TableProfile) null)).isInstanceOf(NullPointerException.class)
        .hasMessage("profile");
  }
}
