package dev.mlops.samples;

import static dev.mlops.testing.MlopsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.api.data.Table;
import dev.mlops.api.schema.Schema;
import dev.mlops.api.common.Severity;
import dev.mlops.api.schema.ValidationOptions;
import dev.mlops.api.schema.ViolationKind;
import dev.mlops.core.data.Tables;
import dev.mlops.core.schema.Schemas;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A data contract test: the training data and serving requests against the reviewed schema. */
class CreditDataContractTest {
  private final Schema schema = CreditData.schema();
  private final Table data = CreditData.load();

  @Test
  void theRawDataBreaksOnlyTheLoanAmountPolicy() {
    assertThat(Schemas.validate(data, schema))
        .hasViolation(ViolationKind.OUT_OF_RANGE, "credit_amount")
        .hasFailingRows(95, 637, 818, 887, 915);
    assertThatThrownBy(() -> assertThat(data).conformsTo(schema))
        .hasMessageContaining("credit_amount").hasMessageContaining("18424");
  }

  @Test
  void theQuarantinedDataConformsToTheContract() {
    Table clean = Tables.dropRows(data, Schemas.validate(data, schema).failingRows(Severity.ERROR));
    assertThat(clean).hasRowCount(995).conformsTo(schema);
  }

  @Test
  void aServingRequestWithAnUnknownPurposeIsCaught() {
    Map<String, Object> request = CreditData.request(data, 0);
    request.put("purpose", "crypto");
    Table requests = Tables.fromMaps(List.of(request));
    ValidationOptions serving = ValidationOptions.builder().environment(Schema.SERVING).build();
    assertThatThrownBy(() -> assertThat(requests).conformsTo(schema, serving))
        .hasMessageContaining("NOT_IN_DOMAIN").hasMessageContaining("crypto");
    request.put("purpose", "radio/tv");
    assertThat(Tables.fromMaps(List.of(request))).conformsTo(schema, serving);   // no label needed in SERVING
  }
}
