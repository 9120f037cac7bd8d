package dev.ownership.storage;
