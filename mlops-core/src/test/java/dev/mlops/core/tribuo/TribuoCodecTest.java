package dev.mlops.core.tribuo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlops.api.registry.ModelRef;
import dev.mlops.api.registry.ModelRegistry;
import dev.mlops.api.registry.ModelVersion;
import dev.mlops.api.registry.Registration;
import dev.mlops.core.registry.Registries;
import java.io.BufferedWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.DataSource;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.data.csv.CSVLoader;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.baseline.DummyRegressionTrainer;

class TribuoCodecTest {
  @TempDir static Path dir;
  static Path csv;
  static Path regressionCsv;
  static MutableDataset<Label> classification;
  static Model<Label> classifier;
  static Model<Regressor> regressor;

  @BeforeAll
  static void train() throws Exception {
    Logger.getLogger("org.tribuo").setLevel(Level.WARNING);
    csv = dir.resolve("train.csv");
    regressionCsv = dir.resolve("train-regression.csv");
    SplittableRandom r = new SplittableRandom(3);
    try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
        BufferedWriter v = Files.newBufferedWriter(regressionCsv, StandardCharsets.UTF_8)) {
      w.write("x1,x2,label\n");
      v.write("x1,x2,target\n");
      for (int i = 0; i < 300; i++) {
        double x1 = r.nextGaussian();
        double x2 = r.nextGaussian();
        w.write(String.format(Locale.ROOT, "%.5f,%.5f,%s%n", x1, x2, x1 + x2 > 0 ? "yes" : "no"));
        v.write(String.format(Locale.ROOT, "%.5f,%.5f,%.5f%n", x1, x2, 2 * x1 - x2));
      }
    }
    DataSource<Label> labels = new CSVLoader<>(new LabelFactory()).loadDataSource(csv, java.util.Set.of("label"));
    classification = new MutableDataset<>(labels);
    classifier = new LogisticRegressionTrainer().train(classification);
    DataSource<Regressor> targets = new CSVLoader<>(new RegressionFactory()).loadDataSource(regressionCsv,
        java.util.Set.of("target"));
    regressor = DummyRegressionTrainer.createMeanTrainer().train(new MutableDataset<>(targets));
  }

  @Test
  void classificationModel_roundTripsWithTheSamePredictions() {
    try (ModelRegistry registry = Registries.open(dir.resolve("reg-1"))) {
      ModelVersion v = registry.register("churn", classifier, TribuoCodec.classification(), Registration.none());
      Model<Label> back = registry.load(v.ref(), TribuoCodec.classification());

      assertThat(v.artifact().type()).isEqualTo(TribuoCodec.TYPE_ID);
      assertThat(back.getClass()).isEqualTo(classifier.getClass());
      List<Prediction<Label>> expected = classifier.predict(classification);
      List<Prediction<Label>> actual = back.predict(classification);
      for (int i = 0; i < expected.size(); i++) {
        assertThat(actual.get(i).getOutput().getLabel()).isEqualTo(expected.get(i).getOutput().getLabel());
        assertThat(actual.get(i).getOutput().getScore()).isEqualTo(expected.get(i).getOutput().getScore());
      }
      assertThat(back.getProvenance()).isEqualTo(classifier.getProvenance());
    }
  }

  @Test
  void registering_recordsProvenanceAsJsonAndTheResourceHashAsLineage() throws Exception {
    try (ModelRegistry registry = Registries.open(dir.resolve("reg-2"))) {
      ModelVersion v = registry.register("churn", classifier, TribuoCodec.classification(),
          Registration.builder().tag("team", "risk").build());
      ModelVersion read = registry.get(v.ref());

      String hash = TribuoCodec.classification().trainingData(classifier);
      assertThat(hash).isNotEmpty();
      assertThat(read.lineage().trainingData()).isEqualTo(hash);
      assertThat(read.metadata()).containsEntry(TribuoCodec.OUTPUT_TYPE_KEY, Label.class.getName())
          .containsEntry(TribuoCodec.MODEL_CLASS_KEY, classifier.getClass().getName());
      JsonNode provenance = new ObjectMapper().readTree(read.metadata().get(TribuoCodec.PROVENANCE_KEY));
      assertThat(provenance.isArray()).isTrue();
      assertThat(provenance.toString()).contains("LogisticRegressionTrainer").contains("resource-hash")
          .contains(hash);
    }
  }

  @Test
  void regressionModel_roundTripsAndRefusesToLoadAsClassification() {
    try (ModelRegistry registry = Registries.open(dir.resolve("reg-3"))) {
      ModelVersion v = registry.register("price", regressor, TribuoCodec.regression(), Registration.none());
      Model<Regressor> back = registry.load(ModelRef.parse("price/1"), TribuoCodec.regression());
      Example<Regressor> example = classificationlessExample();
      assertThat(back.predict(example).getOutput().getValues())
          .containsExactly(regressor.predict(example).getOutput().getValues());

      assertThatThrownBy(() -> registry.load(v.ref(), TribuoCodec.classification()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("predicts org.tribuo.regression.Regressor, not org.tribuo.classification.Label");
    }
  }

  @Test
  void aModelOfTheWrongOutputType_isRefusedWhenWriting() {
    @SuppressWarnings({"unchecked", "rawtypes"})
    Model<Label> mislabelled = (Model) regressor;
    try (ModelRegistry registry = Registries.inMemory()) {
      assertThatThrownBy(() -> registry.register("x", mislabelled, TribuoCodec.classification(), Registration.none()))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("predicts org.tribuo.regression.Regressor");
    }
  }

  @Test
  void bytesNamingADecoderThatUsesJavaSerialization_areRefusedBeforeDecoding() {
    byte[] forged = classifier.serialize().toBuilder()
        .setClassName("org.tribuo.classification.liblinear.LibLinearClassificationModel").build().toByteArray();
    try (ModelRegistry registry = Registries.inMemory()) {
      ModelVersion v = registry.register("evil", TribuoCodec.TYPE_ID, forged, Registration.none());
      assertThatThrownBy(() -> registry.load(v.ref(), TribuoCodec.classification()))
          .isInstanceOf(UncheckedIOException.class)
          .hasRootCauseMessage("refusing to decode Tribuo model class "
              + "org.tribuo.classification.liblinear.LibLinearClassificationModel: it is not allowed by this codec "
              + "(default: org.tribuo.* except decoders that use Java serialization)");

      byte[] outside = ModelProto.newBuilder(classifier.serialize()).setClassName("com.example.Gadget").build()
          .toByteArray();
      ModelVersion w = registry.register("evil", TribuoCodec.TYPE_ID, outside, Registration.none());
      assertThatThrownBy(() -> registry.load(w.ref(), TribuoCodec.classification()))
          .hasRootCauseMessage("refusing to decode Tribuo model class com.example.Gadget: it is not allowed by this "
              + "codec (default: org.tribuo.* except decoders that use Java serialization)");

      ModelVersion junk = registry.register("evil", TribuoCodec.TYPE_ID, new byte[] {1, 2, 3}, Registration.none());
      assertThatThrownBy(() -> registry.load(junk.ref(), TribuoCodec.classification()))
          .isInstanceOf(UncheckedIOException.class).hasMessageContaining("evil/3")
          .hasRootCauseInstanceOf(com.google.protobuf.InvalidProtocolBufferException.class);
    }
  }

  private static Example<Regressor> classificationlessExample() {
    return new MutableDataset<>(new CSVLoaderSource()).getExample(0);
  }

  /** The first rows of the training file as a regression source. */
  private static final class CSVLoaderSource implements DataSource<Regressor> {
    private final DataSource<Regressor> delegate;

    CSVLoaderSource() {
      try {
        delegate = new CSVLoader<>(new RegressionFactory()).loadDataSource(regressionCsv, java.util.Set.of("target"));
      } catch (java.io.IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public org.tribuo.OutputFactory<Regressor> getOutputFactory() {
      return delegate.getOutputFactory();
    }

    @Override
    public org.tribuo.provenance.DataSourceProvenance getProvenance() {
      return delegate.getProvenance();
    }

    @Override
    public java.util.Iterator<Example<Regressor>> iterator() {
      return delegate.iterator();
    }
  }
}
