package dev.mlops.core.registry;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/** Keeps records in memory, as the bytes a file store would hold. */
final class MemoryStore implements Store {
  private final ReentrantLock lock = new ReentrantLock();
  private final Map<String, byte[]> blobs = new HashMap<>();
  private final Map<String, TreeMap<Integer, byte[]>> versions = new HashMap<>();
  private final Map<String, byte[]> aliases = new HashMap<>();
  private final List<String> audit = new ArrayList<>();

  @Override
  public <T> T locked(Supplier<T> action) {
    lock.lock();
    try {
      return action.get();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public boolean writable() {
    return true;
  }

  @Override
  public boolean lockedIfFree(Runnable action) {
    if (!lock.tryLock()) {
      return false;
    }
    try {
      action.run();
      return true;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public synchronized boolean hasBlob(String hex) {
    return blobs.containsKey(hex);
  }

  @Override
  public synchronized void putBlob(String hex, byte[] bytes) {
    blobs.putIfAbsent(hex, bytes.clone());
  }

  @Override
  public synchronized byte[] readBlob(String hex, long limit) {
    byte[] b = blobs.get(hex);
    return b == null ? null : b.clone();
  }

  /** Test hook: replaces stored bytes without changing their key, as disk corruption would. */
  synchronized void corruptBlob(String hex, byte[] bytes) {
    blobs.put(hex, bytes.clone());
  }

  @Override
  public String blobLocation(String hex) {
    return "memory:blobs/sha256/" + hex;
  }

  @Override
  public synchronized List<String> blobs() {
    return new ArrayList<>(new TreeSet<>(blobs.keySet()));
  }

  @Override
  public synchronized long blobSize(String hex) {
    byte[] b = blobs.get(hex);
    return b == null ? 0 : b.length;
  }

  @Override
  public synchronized void deleteBlob(String hex) {
    blobs.remove(hex);
  }

  @Override
  public synchronized List<String> modelNames() {
    List<String> out = new ArrayList<>();
    versions.forEach((name, v) -> {
      if (!v.isEmpty()) {
        out.add(name);
      }
    });
    out.sort(null);
    return out;
  }

  @Override
  public synchronized List<Integer> versionNumbers(String name) {
    TreeMap<Integer, byte[]> v = versions.get(name);
    return v == null ? List.of() : new ArrayList<>(v.keySet());
  }

  @Override
  public synchronized boolean versionExists(String name, int version) {
    TreeMap<Integer, byte[]> v = versions.get(name);
    return v != null && v.containsKey(version);
  }

  @Override
  public synchronized byte[] readVersion(String name, int version) {
    TreeMap<Integer, byte[]> v = versions.get(name);
    return v == null ? null : v.get(version);
  }

  @Override
  public String versionLocation(String name, int version) {
    return "memory:models/" + name + "/versions/" + version + ".json";
  }

  @Override
  public synchronized boolean createVersion(String name, int version, byte[] json) {
    return versions.computeIfAbsent(name, n -> new TreeMap<>()).putIfAbsent(version, json.clone()) == null;
  }

  @Override
  public synchronized void replaceVersion(String name, int version, byte[] json) {
    versions.computeIfAbsent(name, n -> new TreeMap<>()).put(version, json.clone());
  }

  @Override
  public synchronized byte[] readAliases(String name) {
    return aliases.get(name);
  }

  @Override
  public String aliasesLocation(String name) {
    return "memory:models/" + name + "/aliases.json";
  }

  @Override
  public synchronized void writeAliases(String name, byte[] json) {
    aliases.put(name, json.clone());
  }

  @Override
  public synchronized void appendAudit(byte[] line) {
    String text = new String(line, StandardCharsets.UTF_8);
    audit.add(text.endsWith("\n") ? text.substring(0, text.length() - 1) : text);
  }

  @Override
  public synchronized List<String> auditLines() {
    return List.copyOf(audit);
  }

  @Override
  public String auditLocation() {
    return "memory:audit.jsonl";
  }

  @Override
  public void close() {}
}
