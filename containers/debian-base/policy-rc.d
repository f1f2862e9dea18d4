#!/bin/sh
# No daemon is started while packages install inside an image build.
exit 101
