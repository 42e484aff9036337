;; int8 matmul for a linear layer, relaxed WebAssembly SIMD.
;;
;; acc[r, c] = sum_k x[r, k] * w[c, k]   (int32, wrapping like Int32Array)
;;
;; Layout (all in the imported memory, byte addresses), the same as int8_matmul_dot16.wat except
;; that the weights stay int8:
;;   w:   N rows of kp int8 (PyTorch Linear layout [outFeatures, inFeatures])
;;   x:   M rows of kp int8, every byte in [0, 127]
;;   out: M rows of N int32
;; kp is K rounded up to a multiple of 16 (at least 16); the padding bytes of w are zero, so
;; whatever sits in the padding of x contributes nothing.
;;
;; i32x4.relaxed_dot_i8x16_i7x16_add_s(a, b, c) reads a as signed int8 and b as "i7": the result
;; is deterministic and exact only when every byte of b is in [0, 127]. So the WEIGHTS go first
;; (any int8) and the INPUTS second (0..127); the caller checks the inputs with highBits.
;; With b in [0, 127] each pair sum is at most 2 * 128 * 127 = 32512 in magnitude, so a 16-bit
;; intermediate (x86's pmaddubsw) never saturates.
;;
;; Blocking: 2 rows x 4 columns for batches (each weight vector loaded once for 2 rows, each input
;; vector once for 4 columns, 8 accumulators), 1 row x 8 columns for a single row (8 independent
;; accumulators hide the latency of the dot), 1 x 4 and 1 x 1 for the edges. Each accumulator
;; holds 4 partial sums; $hsum4 folds 4 of them into the 4 outputs of a block row.
;;
;; Two builds of this one source (build_wasm.ts), the same results bit for bit:
;; - "relaxed": as written, one i32x4.relaxed_dot_i8x16_i7x16_add_s per 16 multiply-adds. On
;;   x86 with AVX-VNNI that is one vpdpbusd, on Arm with the dot-product extension one sdot.
;; - "relaxed_split": build_wasm.ts rewrites every
;;     (i32x4.relaxed_dot_i8x16_i7x16_add_s (local.get $w) (local.get $x) (local.get $acc))
;;   into
;;     (i32x4.add (local.get $acc)
;;       (i32x4.dot_i16x8_s (local.get $ones) (i16x8.relaxed_dot_i8x16_i7x16_s (local.get $w) (local.get $x))))
;;   On x86 without AVX-VNNI, V8 lowers the fused form to five instructions (it rebuilds the
;;   constant 1 in a register every time: pcmpeqd, psrlw, then pmaddubsw, pmaddwd, paddd); the
;;   split form is three (pmaddubsw, pmaddwd with $ones kept in a register, paddd). available_kernels.ts
;;   picks the build with $probe. Every dot below is written in exactly that fused shape, and each
;;   block declares $ones, which only the split build reads.
;; Build: deno task build:kernels
(module
  (import "env" "memory" (memory 1))

  ;; [sum a, sum b, sum c, sum d] from four i32x4 accumulators.
  (func $hsum4 (param $a v128) (param $b v128) (param $c v128) (param $d v128) (result v128)
    (local $ab v128) (local $cd v128)
    (local.set $ab (i32x4.add
      (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $a) (local.get $b))
      (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $a) (local.get $b))))
    (local.set $cd (i32x4.add
      (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $c) (local.get $d))
      (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $c) (local.get $d))))
    (i32x4.add
      (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $ab) (local.get $cd))
      (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $ab) (local.get $cd))))

  ;; The sum of the four lanes of an i32x4.
  (func $hsum (param $a v128) (result i32)
    (i32.add
      (i32.add (i32x4.extract_lane 0 (local.get $a)) (i32x4.extract_lane 1 (local.get $a)))
      (i32.add (i32x4.extract_lane 2 (local.get $a)) (i32x4.extract_lane 3 (local.get $a)))))

  ;; 2 rows (x, x + kp) by 4 columns (w .. w + 3 kp) into out (o, o + os).
  (func $block2x4 (param $w i32) (param $x i32) (param $kp i32) (param $o i32) (param $os i32)
    (local $k i32) (local $w1 i32) (local $w2 i32) (local $w3 i32) (local $x1 i32)
    (local $x0v v128) (local $x1v v128) (local $v v128) (local $ones v128)
    (local $a00 v128) (local $a01 v128) (local $a02 v128) (local $a03 v128)
    (local $a10 v128) (local $a11 v128) (local $a12 v128) (local $a13 v128)
    (local.set $ones (i16x8.splat (i32.const 1)))
    (local.set $w1 (i32.add (local.get $w) (local.get $kp)))
    (local.set $w2 (i32.add (local.get $w1) (local.get $kp)))
    (local.set $w3 (i32.add (local.get $w2) (local.get $kp)))
    (local.set $x1 (i32.add (local.get $x) (local.get $kp)))
    (loop $next
      (local.set $x0v (v128.load (i32.add (local.get $x) (local.get $k))))
      (local.set $x1v (v128.load (i32.add (local.get $x1) (local.get $k))))
      (local.set $v (v128.load (i32.add (local.get $w) (local.get $k))))
      (local.set $a00 (i32x4.relaxed_dot_i8x16_i7x16_add_s (local.get $v) (local.get $x0v) (local.get $a00)))
      (local.set $a10 (i32x4.relaxed_dot_i8x16_i7x16_add_s (local.get $v) (local.get $x1v) (local.get $a10)))
      (local.set $v (v128.load (i32.add (local.get $w1) (local.get $k))))
      (local.set $a01 (i32x4.relaxed_dot_i8x16_i7x16_add_s (local.get $v) (local.get $x0v) (local.get $a01)))
      (local.set $a11 (i32x4.relaxed_dot_i8x16_i7x16_add_s (local.get $v) (local.get $x1v) (local.get $a11)))
      (local.set $v (v128.load (i32.add (local.get $w2) (local.get $k))))
      (local.set $a02 (i32x4.relaxed_dot_i8x16_i7x16_add_s (local.get $v) (local.get $x0v) (local.get $a02)))
      (local.set $a12 (i32x4.relaxed_dot_i8x16_i7x16_add_s (local.get $v) (local.get $x1v) (local.get $a12)))
      (local.set $v (v128.load (i32.add (local.get $w3) (local.get $k))))
      (local.set $a03 (i32x4.relaxed_dot_i8x16_i7x16_add_s (local.get $v) (local.get $x0v) (local.get $a03)))
      (local.set $a13 (i32x4.relaxed_dot_i8x16_i7x16_add_s (local.get $v) (local.get $x1v) (local.get $a13)))
      (local.set $k (i32.add (local.get $k) (i32.const 16)))
      (br_if $next (i32.lt_u (local.get $k) (local.get $kp))))
    (v128.store (local.get $o)
      (call $hsum4 (local.get $a00) (local.get $a01) (local.get $a02) (local.get $a03)))
    (v128.store (i32.add (local.get $o) (local.get $os))
      (call $hsum4 (local.get $a10) (local.get $a11) (local.get $a12) (local.get $a13))))

  ;; 1 row by 8 columns: 8 independent accumulators hide the latency of the dot.
  (func $block1x8 (param $w i32) (param $x i32) (param $kp i32) (param $o i32)
    (local $k i32) (local $x0v v128) (local $v v128) (local $ones v128)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local $a4 v128) (local $a5 v128) (local $a6 v128) (local $a7 v128)
    (local $w1 i32) (local $w2 i32) (local $w3 i32) (local $w4 i32) (local $w5 i32) (local $w6 i32)
    (local $w7 i32)
    (local.set $ones (i16x8.splat (i32.const 1)))
    (local.set $w1 (i32.add (local.get $w) (local.get $kp)))
    (local.set $w2 (i32.add (local.get $w1) (local.get $kp)))
    (local.set $w3 (i32.add (local.get $w2) (local.get $kp)))
    (local.set $w4 (i32.add (local.get $w3) (local.get $kp)))
    (local.set $w5 (i32.add (local.get $w4) (local.get $kp)))
    (local.set $w6 (i32.add (local.get $w5) (local.get $kp)))
    (local.set $w7 (i32.add (local.get $w6) (local.get $kp)))
    (loop $next
      (local.set $x0v (v128.load (i32.add (local.get $x) (local.get $k))))
      (local.set $v (v128.load (i32.add (local.get $w) (local.get $k))))
      (local.set $a0 (i32x4.relaxed_dot_i8x16_i7x16_add_s (local.get $v) (local.get $x0v) (local.get $a0)))
      (local.set $v (v128.load (i32.add (local.get $w1) (local.get $k))))
      (local.set $a1 (i32x4.relaxed_dot_i8x16_i7x16_add_s (local.get $v) (local.get $x0v) (local.get $a1)))
      (local.set $v (v128.load (i32.add (local.get $w2) (local.get $k))))
      (local.set $a2 (i32x4.relaxed_dot_i8x16_i7x16_add_s (local.get $v) (local.get $x0v) (local.get $a2)))
      (local.set $v (v128.load (i32.add (local.get $w3) (local.get $k))))
      (local.set $a3 (i32x4.relaxed_dot_i8x16_i7x16_add_s (local.get $v) (local.get $x0v) (local.get $a3)))
      (local.set $v (v128.load (i32.add (local.get $w4) (local.get $k))))
      (local.set $a4 (i32x4.relaxed_dot_i8x16_i7x16_add_s (local.get $v) (local.get $x0v) (local.get $a4)))
      (local.set $v (v128.load (i32.add (local.get $w5) (local.get $k))))
      (local.set $a5 (i32x4.relaxed_dot_i8x16_i7x16_add_s (local.get $v) (local.get $x0v) (local.get $a5)))
      (local.set $v (v128.load (i32.add (local.get $w6) (local.get $k))))
      (local.set $a6 (i32x4.relaxed_dot_i8x16_i7x16_add_s (local.get $v) (local.get $x0v) (local.get $a6)))
      (local.set $v (v128.load (i32.add (local.get $w7) (local.get $k))))
      (local.set $a7 (i32x4.relaxed_dot_i8x16_i7x16_add_s (local.get $v) (local.get $x0v) (local.get $a7)))
      (local.set $k (i32.add (local.get $k) (i32.const 16)))
      (br_if $next (i32.lt_u (local.get $k) (local.get $kp))))
    (v128.store (local.get $o)
      (call $hsum4 (local.get $a0) (local.get $a1) (local.get $a2) (local.get $a3)))
    (v128.store offset=16 (local.get $o)
      (call $hsum4 (local.get $a4) (local.get $a5) (local.get $a6) (local.get $a7))))

  ;; 1 row by 4 columns.
  (func $block1x4 (param $w i32) (param $x i32) (param $kp i32) (param $o i32)
    (local $k i32) (local $w1 i32) (local $w2 i32) (local $w3 i32) (local $x0v v128) (local $v v128)
    (local $ones v128) (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local.set $ones (i16x8.splat (i32.const 1)))
    (local.set $w1 (i32.add (local.get $w) (local.get $kp)))
    (local.set $w2 (i32.add (local.get $w1) (local.get $kp)))
    (local.set $w3 (i32.add (local.get $w2) (local.get $kp)))
    (loop $next
      (local.set $x0v (v128.load (i32.add (local.get $x) (local.get $k))))
      (local.set $v (v128.load (i32.add (local.get $w) (local.get $k))))
      (local.set $a0 (i32x4.relaxed_dot_i8x16_i7x16_add_s (local.get $v) (local.get $x0v) (local.get $a0)))
      (local.set $v (v128.load (i32.add (local.get $w1) (local.get $k))))
      (local.set $a1 (i32x4.relaxed_dot_i8x16_i7x16_add_s (local.get $v) (local.get $x0v) (local.get $a1)))
      (local.set $v (v128.load (i32.add (local.get $w2) (local.get $k))))
      (local.set $a2 (i32x4.relaxed_dot_i8x16_i7x16_add_s (local.get $v) (local.get $x0v) (local.get $a2)))
      (local.set $v (v128.load (i32.add (local.get $w3) (local.get $k))))
      (local.set $a3 (i32x4.relaxed_dot_i8x16_i7x16_add_s (local.get $v) (local.get $x0v) (local.get $a3)))
      (local.set $k (i32.add (local.get $k) (i32.const 16)))
      (br_if $next (i32.lt_u (local.get $k) (local.get $kp))))
    (v128.store (local.get $o)
      (call $hsum4 (local.get $a0) (local.get $a1) (local.get $a2) (local.get $a3))))

  ;; 1 row by 1 column: the tail when N is not a multiple of 4.
  (func $block1x1 (param $w i32) (param $x i32) (param $kp i32) (param $o i32)
    (local $k i32) (local $x0v v128) (local $v v128) (local $ones v128) (local $a v128)
    (local.set $ones (i16x8.splat (i32.const 1)))
    (loop $next
      (local.set $x0v (v128.load (i32.add (local.get $x) (local.get $k))))
      (local.set $v (v128.load (i32.add (local.get $w) (local.get $k))))
      (local.set $a (i32x4.relaxed_dot_i8x16_i7x16_add_s (local.get $v) (local.get $x0v) (local.get $a)))
      (local.set $k (i32.add (local.get $k) (i32.const 16)))
      (br_if $next (i32.lt_u (local.get $k) (local.get $kp))))
    (i32.store (local.get $o) (call $hsum (local.get $a))))

  ;; One row (or two, when $two is set) against every column.
  (func $rows (param $w i32) (param $x i32) (param $o i32) (param $n i32) (param $kp i32)
    (param $two i32)
    (local $c i32)
    (if (i32.eqz (local.get $two)) (then (block $done8 (loop $next8
      (br_if $done8 (i32.gt_u (i32.add (local.get $c) (i32.const 8)) (local.get $n)))
      (call $block1x8 (local.get $w) (local.get $x) (local.get $kp) (local.get $o))
      (local.set $w (i32.add (local.get $w) (i32.shl (local.get $kp) (i32.const 3))))
      (local.set $o (i32.add (local.get $o) (i32.const 32)))
      (local.set $c (i32.add (local.get $c) (i32.const 8)))
      (br $next8)))))
    (block $done4 (loop $next4
      (br_if $done4 (i32.gt_u (i32.add (local.get $c) (i32.const 4)) (local.get $n)))
      (if (local.get $two)
        (then (call $block2x4 (local.get $w) (local.get $x) (local.get $kp) (local.get $o)
          (i32.shl (local.get $n) (i32.const 2))))
        (else (call $block1x4 (local.get $w) (local.get $x) (local.get $kp) (local.get $o))))
      (local.set $w (i32.add (local.get $w) (i32.shl (local.get $kp) (i32.const 2))))
      (local.set $o (i32.add (local.get $o) (i32.const 16)))
      (local.set $c (i32.add (local.get $c) (i32.const 4)))
      (br $next4)))
    (block $done1 (loop $next1
      (br_if $done1 (i32.ge_u (local.get $c) (local.get $n)))
      (call $block1x1 (local.get $w) (local.get $x) (local.get $kp) (local.get $o))
      (if (local.get $two)
        (then (call $block1x1 (local.get $w) (i32.add (local.get $x) (local.get $kp))
          (local.get $kp) (i32.add (local.get $o) (i32.shl (local.get $n) (i32.const 2))))))
      (local.set $w (i32.add (local.get $w) (local.get $kp)))
      (local.set $o (i32.add (local.get $o) (i32.const 4)))
      (local.set $c (i32.add (local.get $c) (i32.const 1)))
      (br $next1))))

  ;; out[M, N] = x[M, kp] . w[N, kp]^T, two rows at a time.
  (func (export "matmul") (param $w i32) (param $x i32) (param $o i32) (param $m i32)
    (param $n i32) (param $kp i32)
    (local $r i32)
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $r) (local.get $m)))
      (call $rows (local.get $w) (local.get $x) (local.get $o) (local.get $n) (local.get $kp)
        (i32.lt_u (i32.add (local.get $r) (i32.const 1)) (local.get $m)))
      (local.set $x (i32.add (local.get $x) (i32.shl (local.get $kp) (i32.const 1))))
      (local.set $o (i32.add (local.get $o) (i32.shl (local.get $n) (i32.const 3))))
      (local.set $r (i32.add (local.get $r) (i32.const 2)))
      (br $next))))

  ;; 1 if any byte in [p, p + len) has its top bit set (len a multiple of 16), else 0.
  (func (export "highBits") (param $p i32) (param $len i32) (result i32)
    (local $end i32) (local $acc v128)
    (local.set $end (i32.add (local.get $p) (local.get $len)))
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
      (local.set $acc (v128.or (local.get $acc) (v128.load (local.get $p))))
      (local.set $p (i32.add (local.get $p) (i32.const 16)))
      (br $next)))
    (i32.ne (i8x16.bitmask (local.get $acc)) (i32.const 0)))

  ;; Lane 0 of i32x4.relaxed_dot_i8x16_i7x16_add_s(splat a, splat b, 0): with a = 127 and b = 255
  ;; (outside the i7 range on purpose) it tells how this engine lowers the fused dot: 65534 when
  ;; it goes through a saturating 16-bit pmaddubsw (x86 without AVX-VNNI: use the split build),
  ;; 129540 for unsigned-by-signed vpdpbusd (AVX-VNNI), -508 for a signed dot (Arm sdot,
  ;; AVX-VNNI-INT8). The operands are parameters, so the compiler cannot fold them.
  (func (export "probe") (param $a i32) (param $b i32) (result i32)
    (i32x4.extract_lane 0 (i32x4.relaxed_dot_i8x16_i7x16_add_s
      (i8x16.splat (local.get $a)) (i8x16.splat (local.get $b)) (v128.const i64x2 0 0)))))
