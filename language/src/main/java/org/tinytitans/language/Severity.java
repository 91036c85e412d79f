package org.tinytitans.language;

public enum Severity { ERROR, WARNING, INFO }
