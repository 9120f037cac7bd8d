package dev.ownership.bot;

public final class Main {
    public static void main(String[] a) {}
}
