package io.modelprint.lab.zoo;

import io.modelprint.data.ImageDataset;
import java.nio.file.Path;

/** What every recipe may use: the data, the zoo directory and the target model's directory. */
public record ZooContext(ImageDataset train, ImageDataset test, Path zooDir, Path target) {}
