#!/bin/sh
# Portrait door displays: rotate the first connected output (X11, e.g. Raspberry Pi OS with X).
# On Wayland (labwc/wayfire) use the screen configuration tool or `wlr-randr --output HDMI-A-1 --transform 90`.
output=$(xrandr --query | awk '/ connected/ {print $1; exit}')
[ -n "$output" ] && xrandr --output "$output" --rotate left
