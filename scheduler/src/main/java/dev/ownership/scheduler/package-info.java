package dev.ownership.scheduler;
