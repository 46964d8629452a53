import { expect, test } from 'vitest';
import { headerContinuation, type HeldPort } from './header-draft.js';

const PORTS: HeldPort[] = [
  { name: 'clk', direction: 'input', width: 1 },
  { name: 'd', direction: 'input', width: 8 },
  { name: 'q', direction: 'output', width: 8 },
];

test('the rest of the header in the style of what is written, the ports still to declare in the spec order', () => {
  expect(headerContinuation('module r (', PORTS)).toBe('\n  input wire clk,\n  input wire [7:0] d,\n  output reg [7:0] q\n);');
  // Four spaces and no type word on the inputs: the rest follows; a clocked design's output is a reg until one is written.
  expect(headerContinuation('module r (\n    input clk,\n    input [7', PORTS)).toBe(':0] d,\n    output reg [7:0] q\n);');
  expect(headerContinuation('module r (\n    input clk,\n    input [7:0] d,\n    output [7', PORTS)).toBe(':0] q\n);');
  // The model declares the ports in its own order: the draft follows it.
  expect(headerContinuation('module r (\n  input wire [7:0] d,\n  in', PORTS)).toBe('put wire clk,\n  output reg [7:0] q\n);');
  // All on one line.
  expect(headerContinuation('module r (input clk, input [7:0] d, ', PORTS)).toBe('output reg [7:0] q);');
});

test('nothing to draft outside a port list the interface holds', () => {
  expect(headerContinuation('mod', PORTS)).toBeNull(); // no port list yet
  expect(headerContinuation('module r (\n  input wire clk,\n  input wire [7:0] d,\n  output reg [7:0] q\n);\n', PORTS)).toBeNull(); // closed
  expect(headerContinuation('module r (clk, d, ', PORTS)).toBeNull(); // a bare port list
  expect(headerContinuation('module r (\n  input wire [7:0] d, e,', PORTS)).toBeNull(); // several names to a declaration
  expect(headerContinuation('module r (\n  input wire [3', PORTS)).toBeNull(); // a width the spec does not give
  expect(headerContinuation('module r (\n  input wire clk, // clock\n', PORTS)).toBeNull(); // a comment
  expect(headerContinuation('module r (\n  input wire clk,\n  input wire [7:0] d,\n  output reg [7:0] q', PORTS)).toBe('\n);');
  expect(headerContinuation('module r (', [])).toBeNull();
});
