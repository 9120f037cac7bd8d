package dev.ownership.benchmarks;
