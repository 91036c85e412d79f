package org.tinytitans.spec;

public enum Severity { ERROR, WARNING, INFO }
