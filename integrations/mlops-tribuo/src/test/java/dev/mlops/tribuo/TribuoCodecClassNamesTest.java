package dev.mlops.tribuo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import dev.mlops.api.registry.ArtifactCodec;
import dev.mlops.api.registry.ModelRegistry;
import dev.mlops.api.registry.ModelVersion;
import dev.mlops.api.registry.Registration;
import dev.mlops.core.registry.Registries;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.SplittableRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * The codec checks the class names Tribuo would load, matched as whole {@code class_name} fields,
 * never as text, and refuses what is not a Tribuo model with a clear error (issue 13, finding 16).
 */
class TribuoCodecClassNamesTest {
  /** A feature named like a LibLinear class: the old substring check refused such a model on load. */
  private static final String LIBLINEAR_LOOKING_FEATURE = "org.tribuo.common.liblinear.LibLinearModel";
  private static final String REFUSED_NESTED = "org.tribuo.common.liblinear.LibLinearModel";

  static MutableDataset<Label> data;
  static Model<Label> model;

  @BeforeAll
  static void train() {
    Logger.getLogger("org.tribuo").setLevel(Level.WARNING);
    LabelFactory labels = new LabelFactory();
    data = new MutableDataset<>(new SimpleDataSourceProvenance("hand-made", labels), labels);
    SplittableRandom rnd = new SplittableRandom(5);
    for (int i = 0; i < 200; i++) {
      double a = rnd.nextGaussian();
      double b = rnd.nextGaussian();
      ArrayExample<Label> e = new ArrayExample<>(new Label(a + b > 0 ? "yes" : "no"));
      e.add(LIBLINEAR_LOOKING_FEATURE, a);
      e.add("org.tribuo.classification.liblinear. and some text", b);
      data.add(e);
    }
    model = new LogisticRegressionTrainer().train(data);
  }

  @Test
  void aModelWhoseFeatureNamesLookLikeLibLinearClassesRegistersAndLoads() {
    try (ModelRegistry registry = Registries.inMemory()) {
      ModelVersion v = registry.register("odd-names", model, TribuoCodec.classification(), Registration.none());
      Model<Label> back = registry.load(v.ref(), TribuoCodec.classification());

      assertThat(back.getFeatureIDMap().get(LIBLINEAR_LOOKING_FEATURE)).isNotNull();
      List<Prediction<Label>> expected = model.predict(data);
      List<Prediction<Label>> actual = back.predict(data);
      for (int i = 0; i < expected.size(); i++) {
        assertThat(actual.get(i).getOutput().getLabel()).isEqualTo(expected.get(i).getOutput().getLabel());
      }
    }
  }

  /** The model's bytes with a nested serialized object of class {@code nestedClass} inside its data. */
  private static byte[] withNested(String nestedClass) throws InvalidProtocolBufferException {
    ModelProto top = model.serialize();
    ModelProto nested = ModelProto.newBuilder().setVersion(0).setClassName(nestedClass)
        .setSerializedData(top.getSerializedData()).build();
    // As an ensemble holds its models: a repeated message field of the model's data.
    ByteString data = UnknownFieldSet.newBuilder()
        .mergeFrom(top.getSerializedData().getValue())
        .addField(99, UnknownFieldSet.Field.newBuilder().addLengthDelimited(nested.toByteString()).build())
        .build().toByteString();
    return top.toBuilder().setSerializedData(Any.newBuilder(top.getSerializedData()).setValue(data)).build()
        .toByteArray();
  }

  @Test
  void aNestedClassInAJavaSerializingPackageIsRefusedBeforeDecoding() throws Exception {
    try (ModelRegistry registry = Registries.inMemory()) {
      ModelVersion v = registry.register("nested", TribuoCodec.TYPE_ID, withNested(REFUSED_NESTED), Registration.none());
      assertThatThrownBy(() -> registry.load(v.ref(), TribuoCodec.classification()))
          .isInstanceOf(UncheckedIOException.class)
          .hasRootCauseMessage("refusing to decode Tribuo model " + model.getClass().getName() + ": it names the class "
              + REFUSED_NESTED + ", whose decoder uses Java serialization");

      ModelVersion w = registry.register("nested", TribuoCodec.TYPE_ID, withNested("com.example.Gadget"),
          Registration.none());
      assertThatThrownBy(() -> registry.load(w.ref(), TribuoCodec.classification()))
          .hasRootCauseMessage("refusing to decode Tribuo model " + model.getClass().getName() + ": it names the class "
              + "com.example.Gadget, which is not allowed by this codec");
    }
  }

  @Test
  @SuppressWarnings({"rawtypes", "unchecked"})
  void somethingThatIsNotATribuoModelThroughRawTypesIsAClearError() {
    ArtifactCodec raw = TribuoCodec.classification();
    String expected = "a TribuoCodec stores org.tribuo.Model instances, not java.lang.String "
        + "(was the codec used through raw types?)";

    assertThatThrownBy(() -> raw.write("not a model", new ByteArrayOutputStream()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage(expected);
    assertThatThrownBy(() -> raw.metadata("not a model")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage(expected);
    assertThatThrownBy(() -> raw.attachments("not a model")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage(expected);
    assertThatThrownBy(() -> raw.trainingData("not a model")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage(expected);
    assertThatThrownBy(() -> raw.write(null, new ByteArrayOutputStream())).isInstanceOf(NullPointerException.class)
        .hasMessage("model");
    try (ModelRegistry registry = Registries.inMemory()) {
      assertThatThrownBy(() -> registry.register("raw", "not a model", raw, Registration.none()))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(expected);
    }
  }
}
