;; float32 matmul for a linear layer, WebAssembly SIMD: the best float baseline of the int8
;; kernels (given code, not a learner task).
;;
;; out[r, c] = bias[c] + sum_k x[r, k] * w[c, k]
;;
;; Layout (all in the imported memory, byte addresses):
;;   w:    N rows of kp float32 (PyTorch Linear layout [outFeatures, inFeatures], 4 kp bytes per row)
;;   x:    M rows of kp float32
;;   bias: N float32 (zeros for a layer without bias)
;;   out:  M rows of N float32
;; kp is K rounded up to a multiple of 4 (at least 4); the padding of w is zero, and so is the
;; padding of x (the caller writes it once), so padding adds exact zeros.
;;
;; Each accumulator holds 4 partial sums (k mod 4) that $hsum4 folds at the end, so the sum is in
;; a different order than a scalar loop: results agree with it to float32 rounding, not bit for bit.
;; Blocking: 2 rows x 4 columns for batches (8 accumulators cover the latency of 2 FMA units),
;; 1 row x 8 columns for a single row, 1 x 4 and 1 x 1 for the edges.
;;
;; Two builds of this one source (build_wasm.ts):
;; - "float32_relaxed": as written, f32x4.relaxed_madd (one vfmadd231ps on x86 with FMA3, one
;;   fmla on Arm; where the engine has no fused multiply-add it may round twice).
;; - "float32_simd", for engines without relaxed SIMD: build_wasm.ts rewrites every
;;     (f32x4.relaxed_madd (local.get $a) (local.get $b) (local.get $c))
;;   into (f32x4.add (f32x4.mul (local.get $a) (local.get $b)) (local.get $c)). Every
;;   multiply-add below is written in exactly that shape.
;; Build: deno task build:kernels
(module
  (import "env" "memory" (memory 1))

  ;; [sum a, sum b, sum c, sum d] from four f32x4 accumulators.
  (func $hsum4 (param $a v128) (param $b v128) (param $c v128) (param $d v128) (result v128)
    (local $ab v128) (local $cd v128)
    (local.set $ab (f32x4.add
      (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $a) (local.get $b))
      (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $a) (local.get $b))))
    (local.set $cd (f32x4.add
      (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $c) (local.get $d))
      (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $c) (local.get $d))))
    (f32x4.add
      (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $ab) (local.get $cd))
      (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $ab) (local.get $cd))))

  ;; The sum of the four lanes of an f32x4.
  (func $hsum (param $a v128) (result f32)
    (f32.add
      (f32.add (f32x4.extract_lane 0 (local.get $a)) (f32x4.extract_lane 2 (local.get $a)))
      (f32.add (f32x4.extract_lane 1 (local.get $a)) (f32x4.extract_lane 3 (local.get $a)))))

  ;; 2 rows (x, x + kb) by 4 columns (w .. w + 3 kb) into out (o, o + os), plus bias b .. b + 3.
  ;; kb = 4 kp is the row length in bytes; $k counts bytes.
  (func $block2x4 (param $w i32) (param $x i32) (param $kb i32) (param $o i32) (param $os i32)
    (param $b i32)
    (local $k i32) (local $w1 i32) (local $w2 i32) (local $w3 i32) (local $x1 i32)
    (local $x0v v128) (local $x1v v128) (local $v v128) (local $bias v128)
    (local $a00 v128) (local $a01 v128) (local $a02 v128) (local $a03 v128)
    (local $a10 v128) (local $a11 v128) (local $a12 v128) (local $a13 v128)
    (local.set $w1 (i32.add (local.get $w) (local.get $kb)))
    (local.set $w2 (i32.add (local.get $w1) (local.get $kb)))
    (local.set $w3 (i32.add (local.get $w2) (local.get $kb)))
    (local.set $x1 (i32.add (local.get $x) (local.get $kb)))
    (loop $next
      (local.set $x0v (v128.load (i32.add (local.get $x) (local.get $k))))
      (local.set $x1v (v128.load (i32.add (local.get $x1) (local.get $k))))
      (local.set $v (v128.load (i32.add (local.get $w) (local.get $k))))
      (local.set $a00 (f32x4.relaxed_madd (local.get $v) (local.get $x0v) (local.get $a00)))
      (local.set $a10 (f32x4.relaxed_madd (local.get $v) (local.get $x1v) (local.get $a10)))
      (local.set $v (v128.load (i32.add (local.get $w1) (local.get $k))))
      (local.set $a01 (f32x4.relaxed_madd (local.get $v) (local.get $x0v) (local.get $a01)))
      (local.set $a11 (f32x4.relaxed_madd (local.get $v) (local.get $x1v) (local.get $a11)))
      (local.set $v (v128.load (i32.add (local.get $w2) (local.get $k))))
      (local.set $a02 (f32x4.relaxed_madd (local.get $v) (local.get $x0v) (local.get $a02)))
      (local.set $a12 (f32x4.relaxed_madd (local.get $v) (local.get $x1v) (local.get $a12)))
      (local.set $v (v128.load (i32.add (local.get $w3) (local.get $k))))
      (local.set $a03 (f32x4.relaxed_madd (local.get $v) (local.get $x0v) (local.get $a03)))
      (local.set $a13 (f32x4.relaxed_madd (local.get $v) (local.get $x1v) (local.get $a13)))
      (local.set $k (i32.add (local.get $k) (i32.const 16)))
      (br_if $next (i32.lt_u (local.get $k) (local.get $kb))))
    (local.set $bias (v128.load (local.get $b)))
    (v128.store (local.get $o) (f32x4.add (local.get $bias)
      (call $hsum4 (local.get $a00) (local.get $a01) (local.get $a02) (local.get $a03))))
    (v128.store (i32.add (local.get $o) (local.get $os)) (f32x4.add (local.get $bias)
      (call $hsum4 (local.get $a10) (local.get $a11) (local.get $a12) (local.get $a13)))))

  ;; 1 row by 8 columns.
  (func $block1x8 (param $w i32) (param $x i32) (param $kb i32) (param $o i32) (param $b i32)
    (local $k i32) (local $x0v v128) (local $v v128)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local $a4 v128) (local $a5 v128) (local $a6 v128) (local $a7 v128)
    (local $w1 i32) (local $w2 i32) (local $w3 i32) (local $w4 i32) (local $w5 i32) (local $w6 i32)
    (local $w7 i32)
    (local.set $w1 (i32.add (local.get $w) (local.get $kb)))
    (local.set $w2 (i32.add (local.get $w1) (local.get $kb)))
    (local.set $w3 (i32.add (local.get $w2) (local.get $kb)))
    (local.set $w4 (i32.add (local.get $w3) (local.get $kb)))
    (local.set $w5 (i32.add (local.get $w4) (local.get $kb)))
    (local.set $w6 (i32.add (local.get $w5) (local.get $kb)))
    (local.set $w7 (i32.add (local.get $w6) (local.get $kb)))
    (loop $next
      (local.set $x0v (v128.load (i32.add (local.get $x) (local.get $k))))
      (local.set $v (v128.load (i32.add (local.get $w) (local.get $k))))
      (local.set $a0 (f32x4.relaxed_madd (local.get $v) (local.get $x0v) (local.get $a0)))
      (local.set $v (v128.load (i32.add (local.get $w1) (local.get $k))))
      (local.set $a1 (f32x4.relaxed_madd (local.get $v) (local.get $x0v) (local.get $a1)))
      (local.set $v (v128.load (i32.add (local.get $w2) (local.get $k))))
      (local.set $a2 (f32x4.relaxed_madd (local.get $v) (local.get $x0v) (local.get $a2)))
      (local.set $v (v128.load (i32.add (local.get $w3) (local.get $k))))
      (local.set $a3 (f32x4.relaxed_madd (local.get $v) (local.get $x0v) (local.get $a3)))
      (local.set $v (v128.load (i32.add (local.get $w4) (local.get $k))))
      (local.set $a4 (f32x4.relaxed_madd (local.get $v) (local.get $x0v) (local.get $a4)))
      (local.set $v (v128.load (i32.add (local.get $w5) (local.get $k))))
      (local.set $a5 (f32x4.relaxed_madd (local.get $v) (local.get $x0v) (local.get $a5)))
      (local.set $v (v128.load (i32.add (local.get $w6) (local.get $k))))
      (local.set $a6 (f32x4.relaxed_madd (local.get $v) (local.get $x0v) (local.get $a6)))
      (local.set $v (v128.load (i32.add (local.get $w7) (local.get $k))))
      (local.set $a7 (f32x4.relaxed_madd (local.get $v) (local.get $x0v) (local.get $a7)))
      (local.set $k (i32.add (local.get $k) (i32.const 16)))
      (br_if $next (i32.lt_u (local.get $k) (local.get $kb))))
    (v128.store (local.get $o) (f32x4.add (v128.load (local.get $b))
      (call $hsum4 (local.get $a0) (local.get $a1) (local.get $a2) (local.get $a3))))
    (v128.store offset=16 (local.get $o) (f32x4.add (v128.load offset=16 (local.get $b))
      (call $hsum4 (local.get $a4) (local.get $a5) (local.get $a6) (local.get $a7)))))

  ;; 1 row by 4 columns.
  (func $block1x4 (param $w i32) (param $x i32) (param $kb i32) (param $o i32) (param $b i32)
    (local $k i32) (local $w1 i32) (local $w2 i32) (local $w3 i32) (local $x0v v128) (local $v v128)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local.set $w1 (i32.add (local.get $w) (local.get $kb)))
    (local.set $w2 (i32.add (local.get $w1) (local.get $kb)))
    (local.set $w3 (i32.add (local.get $w2) (local.get $kb)))
    (loop $next
      (local.set $x0v (v128.load (i32.add (local.get $x) (local.get $k))))
      (local.set $v (v128.load (i32.add (local.get $w) (local.get $k))))
      (local.set $a0 (f32x4.relaxed_madd (local.get $v) (local.get $x0v) (local.get $a0)))
      (local.set $v (v128.load (i32.add (local.get $w1) (local.get $k))))
      (local.set $a1 (f32x4.relaxed_madd (local.get $v) (local.get $x0v) (local.get $a1)))
      (local.set $v (v128.load (i32.add (local.get $w2) (local.get $k))))
      (local.set $a2 (f32x4.relaxed_madd (local.get $v) (local.get $x0v) (local.get $a2)))
      (local.set $v (v128.load (i32.add (local.get $w3) (local.get $k))))
      (local.set $a3 (f32x4.relaxed_madd (local.get $v) (local.get $x0v) (local.get $a3)))
      (local.set $k (i32.add (local.get $k) (i32.const 16)))
      (br_if $next (i32.lt_u (local.get $k) (local.get $kb))))
    (v128.store (local.get $o) (f32x4.add (v128.load (local.get $b))
      (call $hsum4 (local.get $a0) (local.get $a1) (local.get $a2) (local.get $a3)))))

  ;; 1 row by 1 column: the tail when N is not a multiple of 4.
  (func $block1x1 (param $w i32) (param $x i32) (param $kb i32) (param $o i32) (param $b i32)
    (local $k i32) (local $x0v v128) (local $v v128) (local $a v128)
    (loop $next
      (local.set $x0v (v128.load (i32.add (local.get $x) (local.get $k))))
      (local.set $v (v128.load (i32.add (local.get $w) (local.get $k))))
      (local.set $a (f32x4.relaxed_madd (local.get $v) (local.get $x0v) (local.get $a)))
      (local.set $k (i32.add (local.get $k) (i32.const 16)))
      (br_if $next (i32.lt_u (local.get $k) (local.get $kb))))
    (f32.store (local.get $o) (f32.add (f32.load (local.get $b)) (call $hsum (local.get $a)))))

  ;; One row (or two, when $two is set) against every column.
  (func $rows (param $w i32) (param $x i32) (param $o i32) (param $n i32) (param $kb i32)
    (param $b i32) (param $two i32)
    (local $c i32)
    (if (i32.eqz (local.get $two)) (then (block $done8 (loop $next8
      (br_if $done8 (i32.gt_u (i32.add (local.get $c) (i32.const 8)) (local.get $n)))
      (call $block1x8 (local.get $w) (local.get $x) (local.get $kb) (local.get $o) (local.get $b))
      (local.set $w (i32.add (local.get $w) (i32.shl (local.get $kb) (i32.const 3))))
      (local.set $o (i32.add (local.get $o) (i32.const 32)))
      (local.set $b (i32.add (local.get $b) (i32.const 32)))
      (local.set $c (i32.add (local.get $c) (i32.const 8)))
      (br $next8)))))
    (block $done4 (loop $next4
      (br_if $done4 (i32.gt_u (i32.add (local.get $c) (i32.const 4)) (local.get $n)))
      (if (local.get $two)
        (then (call $block2x4 (local.get $w) (local.get $x) (local.get $kb) (local.get $o)
          (i32.shl (local.get $n) (i32.const 2)) (local.get $b)))
        (else (call $block1x4 (local.get $w) (local.get $x) (local.get $kb) (local.get $o)
          (local.get $b))))
      (local.set $w (i32.add (local.get $w) (i32.shl (local.get $kb) (i32.const 2))))
      (local.set $o (i32.add (local.get $o) (i32.const 16)))
      (local.set $b (i32.add (local.get $b) (i32.const 16)))
      (local.set $c (i32.add (local.get $c) (i32.const 4)))
      (br $next4)))
    (block $done1 (loop $next1
      (br_if $done1 (i32.ge_u (local.get $c) (local.get $n)))
      (call $block1x1 (local.get $w) (local.get $x) (local.get $kb) (local.get $o) (local.get $b))
      (if (local.get $two)
        (then (call $block1x1 (local.get $w) (i32.add (local.get $x) (local.get $kb))
          (local.get $kb) (i32.add (local.get $o) (i32.shl (local.get $n) (i32.const 2)))
          (local.get $b))))
      (local.set $w (i32.add (local.get $w) (local.get $kb)))
      (local.set $o (i32.add (local.get $o) (i32.const 4)))
      (local.set $b (i32.add (local.get $b) (i32.const 4)))
      (local.set $c (i32.add (local.get $c) (i32.const 1)))
      (br $next1))))

  ;; out[M, N] = bias + x[M, kp] . w[N, kp]^T, two rows at a time.
  (func (export "matmul") (param $w i32) (param $x i32) (param $o i32) (param $m i32)
    (param $n i32) (param $kp i32) (param $b i32)
    (local $r i32) (local $kb i32)
    (local.set $kb (i32.shl (local.get $kp) (i32.const 2)))
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $r) (local.get $m)))
      (call $rows (local.get $w) (local.get $x) (local.get $o) (local.get $n) (local.get $kb)
        (local.get $b) (i32.lt_u (i32.add (local.get $r) (i32.const 1)) (local.get $m)))
      (local.set $x (i32.add (local.get $x) (i32.shl (local.get $kb) (i32.const 1))))
      (local.set $o (i32.add (local.get $o) (i32.shl (local.get $n) (i32.const 3))))
      (local.set $r (i32.add (local.get $r) (i32.const 2)))
      (br $next)))))
