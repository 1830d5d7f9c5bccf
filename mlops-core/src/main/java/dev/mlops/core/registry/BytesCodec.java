package dev.mlops.core.registry;

import dev.mlops.api.registry.ArtifactCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Byte arrays as they are. */
enum BytesCodec implements ArtifactCodec<byte[]> {
  INSTANCE;

  @Override
  public String typeId() {
    return Registries.BYTES;
  }

  @Override
  public void write(byte[] model, OutputStream out) throws IOException {
    out.write(model);
  }

  @Override
  public byte[] read(InputStream in) throws IOException {
    return in.readAllBytes();
  }
}
