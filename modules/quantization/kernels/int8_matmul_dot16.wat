;; int8 matmul for a linear layer, WebAssembly SIMD (no relaxed instructions).
;;
;; acc[r, c] = sum_k x[r, k] * w[c, k]   (int32, wrapping like Int32Array)
;;
;; Layout (all in the imported memory, byte addresses):
;;   w:   N rows of kp int16: the int8 weights, sign-extended once when the kernel is built
;;        (PyTorch Linear layout [outFeatures, inFeatures], 2 kp bytes per row)
;;   x:   M rows of kp int8
;;   out: M rows of N int32
;; kp is K rounded up to a multiple of 16 (at least 16); the padding of w is zero, so whatever
;; sits in the padding of x contributes nothing.
;;
;; Each int8 input vector is sign-extended to two i16x8 halves, once per block row, and multiplied
;; with the int16 weights by i32x4.dot_i16x8_s (x86 pmaddwd: 8 multiply-adds), exact for every
;; int8 input (|2 * 128 * 128| fits int32). The weights are stored widened because V8 rewrites
;; dot_i16x8_s(extend(w), extend(x)) into extmul + extadd (two multiplies per 8 products), and
;; extending w in the loop would cost its two or three instructions again for every block row.
;;
;; Blocking: 2 rows x 4 columns for batches (8 accumulators; each weight vector loaded once for 2
;; rows, each input vector extended once for 4 columns), 1 row x 8 columns for a single row,
;; 1 x 4 and 1 x 1 for the edges. Each accumulator holds 4 partial sums; $hsum4 folds 4 of them
;; into the 4 outputs of a block row.
;; Build: deno task build:kernels
(module
  (import "env" "memory" (memory 1))

  ;; [sum a, sum b, sum c, sum d] from four i32x4 accumulators.
  (func $hsum4 (param $a v128) (param $b v128) (param $c v128) (param $d v128) (result v128)
    (local $ab v128) (local $cd v128)
    ;; ab = [a0+a2, b0+b2, a1+a3, b1+b3]
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

  ;; acc + dot(w, x) over 16 lanes: int16 weights (wl, wh), int16 inputs (xl, xh).
  (func $dot (param $acc v128) (param $wl v128) (param $wh v128) (param $xl v128) (param $xh v128)
    (result v128)
    (i32x4.add (i32x4.add (local.get $acc) (i32x4.dot_i16x8_s (local.get $wl) (local.get $xl)))
      (i32x4.dot_i16x8_s (local.get $wh) (local.get $xh))))

  ;; 2 rows (x, x + kp) by 4 columns (w .. w + 6 kp) into out (o, o + os).
  (func $block2x4 (param $w i32) (param $x i32) (param $kp i32) (param $o i32) (param $os i32)
    (local $k i32) (local $kw i32) (local $w1 i32) (local $w2 i32) (local $w3 i32) (local $x1 i32)
    (local $x0l v128) (local $x0h v128) (local $x1l v128) (local $x1h v128) (local $v v128)
    (local $vl v128) (local $vh v128)
    (local $a00 v128) (local $a01 v128) (local $a02 v128) (local $a03 v128)
    (local $a10 v128) (local $a11 v128) (local $a12 v128) (local $a13 v128)
    (local.set $w1 (i32.add (local.get $w) (i32.shl (local.get $kp) (i32.const 1))))
    (local.set $w2 (i32.add (local.get $w1) (i32.shl (local.get $kp) (i32.const 1))))
    (local.set $w3 (i32.add (local.get $w2) (i32.shl (local.get $kp) (i32.const 1))))
    (local.set $x1 (i32.add (local.get $x) (local.get $kp)))
    (loop $next
      (local.set $kw (i32.shl (local.get $k) (i32.const 1)))
      (local.set $v (v128.load (i32.add (local.get $x) (local.get $k))))
      (local.set $x0l (i16x8.extend_low_i8x16_s (local.get $v)))
      (local.set $x0h (i16x8.extend_high_i8x16_s (local.get $v)))
      (local.set $v (v128.load (i32.add (local.get $x1) (local.get $k))))
      (local.set $x1l (i16x8.extend_low_i8x16_s (local.get $v)))
      (local.set $x1h (i16x8.extend_high_i8x16_s (local.get $v)))
      (local.set $vl (v128.load (i32.add (local.get $w) (local.get $kw))))
      (local.set $vh (v128.load offset=16 (i32.add (local.get $w) (local.get $kw))))
      (local.set $a00 (call $dot (local.get $a00) (local.get $vl) (local.get $vh) (local.get $x0l) (local.get $x0h)))
      (local.set $a10 (call $dot (local.get $a10) (local.get $vl) (local.get $vh) (local.get $x1l) (local.get $x1h)))
      (local.set $vl (v128.load (i32.add (local.get $w1) (local.get $kw))))
      (local.set $vh (v128.load offset=16 (i32.add (local.get $w1) (local.get $kw))))
      (local.set $a01 (call $dot (local.get $a01) (local.get $vl) (local.get $vh) (local.get $x0l) (local.get $x0h)))
      (local.set $a11 (call $dot (local.get $a11) (local.get $vl) (local.get $vh) (local.get $x1l) (local.get $x1h)))
      (local.set $vl (v128.load (i32.add (local.get $w2) (local.get $kw))))
      (local.set $vh (v128.load offset=16 (i32.add (local.get $w2) (local.get $kw))))
      (local.set $a02 (call $dot (local.get $a02) (local.get $vl) (local.get $vh) (local.get $x0l) (local.get $x0h)))
      (local.set $a12 (call $dot (local.get $a12) (local.get $vl) (local.get $vh) (local.get $x1l) (local.get $x1h)))
      (local.set $vl (v128.load (i32.add (local.get $w3) (local.get $kw))))
      (local.set $vh (v128.load offset=16 (i32.add (local.get $w3) (local.get $kw))))
      (local.set $a03 (call $dot (local.get $a03) (local.get $vl) (local.get $vh) (local.get $x0l) (local.get $x0h)))
      (local.set $a13 (call $dot (local.get $a13) (local.get $vl) (local.get $vh) (local.get $x1l) (local.get $x1h)))
      (local.set $k (i32.add (local.get $k) (i32.const 16)))
      (br_if $next (i32.lt_u (local.get $k) (local.get $kp))))
    (v128.store (local.get $o)
      (call $hsum4 (local.get $a00) (local.get $a01) (local.get $a02) (local.get $a03)))
    (v128.store (i32.add (local.get $o) (local.get $os))
      (call $hsum4 (local.get $a10) (local.get $a11) (local.get $a12) (local.get $a13))))

  ;; 1 row by 8 columns: 8 independent accumulators.
  (func $block1x8 (param $w i32) (param $x i32) (param $kp i32) (param $o i32)
    (local $k i32) (local $kw i32) (local $ws i32) (local $v v128) (local $xl v128) (local $xh v128)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local $a4 v128) (local $a5 v128) (local $a6 v128) (local $a7 v128)
    (local $w1 i32) (local $w2 i32) (local $w3 i32) (local $w4 i32) (local $w5 i32) (local $w6 i32)
    (local $w7 i32)
    (local.set $ws (i32.shl (local.get $kp) (i32.const 1)))
    (local.set $w1 (i32.add (local.get $w) (local.get $ws)))
    (local.set $w2 (i32.add (local.get $w1) (local.get $ws)))
    (local.set $w3 (i32.add (local.get $w2) (local.get $ws)))
    (local.set $w4 (i32.add (local.get $w3) (local.get $ws)))
    (local.set $w5 (i32.add (local.get $w4) (local.get $ws)))
    (local.set $w6 (i32.add (local.get $w5) (local.get $ws)))
    (local.set $w7 (i32.add (local.get $w6) (local.get $ws)))
    (loop $next
      (local.set $kw (i32.shl (local.get $k) (i32.const 1)))
      (local.set $v (v128.load (i32.add (local.get $x) (local.get $k))))
      (local.set $xl (i16x8.extend_low_i8x16_s (local.get $v)))
      (local.set $xh (i16x8.extend_high_i8x16_s (local.get $v)))
      (local.set $a0 (call $dot (local.get $a0) (v128.load (i32.add (local.get $w) (local.get $kw)))
        (v128.load offset=16 (i32.add (local.get $w) (local.get $kw))) (local.get $xl) (local.get $xh)))
      (local.set $a1 (call $dot (local.get $a1) (v128.load (i32.add (local.get $w1) (local.get $kw)))
        (v128.load offset=16 (i32.add (local.get $w1) (local.get $kw))) (local.get $xl) (local.get $xh)))
      (local.set $a2 (call $dot (local.get $a2) (v128.load (i32.add (local.get $w2) (local.get $kw)))
        (v128.load offset=16 (i32.add (local.get $w2) (local.get $kw))) (local.get $xl) (local.get $xh)))
      (local.set $a3 (call $dot (local.get $a3) (v128.load (i32.add (local.get $w3) (local.get $kw)))
        (v128.load offset=16 (i32.add (local.get $w3) (local.get $kw))) (local.get $xl) (local.get $xh)))
      (local.set $a4 (call $dot (local.get $a4) (v128.load (i32.add (local.get $w4) (local.get $kw)))
        (v128.load offset=16 (i32.add (local.get $w4) (local.get $kw))) (local.get $xl) (local.get $xh)))
      (local.set $a5 (call $dot (local.get $a5) (v128.load (i32.add (local.get $w5) (local.get $kw)))
        (v128.load offset=16 (i32.add (local.get $w5) (local.get $kw))) (local.get $xl) (local.get $xh)))
      (local.set $a6 (call $dot (local.get $a6) (v128.load (i32.add (local.get $w6) (local.get $kw)))
        (v128.load offset=16 (i32.add (local.get $w6) (local.get $kw))) (local.get $xl) (local.get $xh)))
      (local.set $a7 (call $dot (local.get $a7) (v128.load (i32.add (local.get $w7) (local.get $kw)))
        (v128.load offset=16 (i32.add (local.get $w7) (local.get $kw))) (local.get $xl) (local.get $xh)))
      (local.set $k (i32.add (local.get $k) (i32.const 16)))
      (br_if $next (i32.lt_u (local.get $k) (local.get $kp))))
    (v128.store (local.get $o)
      (call $hsum4 (local.get $a0) (local.get $a1) (local.get $a2) (local.get $a3)))
    (v128.store offset=16 (local.get $o)
      (call $hsum4 (local.get $a4) (local.get $a5) (local.get $a6) (local.get $a7))))

  ;; 1 row by 4 columns.
  (func $block1x4 (param $w i32) (param $x i32) (param $kp i32) (param $o i32)
    (local $k i32) (local $kw i32) (local $w1 i32) (local $w2 i32) (local $w3 i32)
    (local $v v128) (local $xl v128) (local $xh v128)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local.set $w1 (i32.add (local.get $w) (i32.shl (local.get $kp) (i32.const 1))))
    (local.set $w2 (i32.add (local.get $w1) (i32.shl (local.get $kp) (i32.const 1))))
    (local.set $w3 (i32.add (local.get $w2) (i32.shl (local.get $kp) (i32.const 1))))
    (loop $next
      (local.set $kw (i32.shl (local.get $k) (i32.const 1)))
      (local.set $v (v128.load (i32.add (local.get $x) (local.get $k))))
      (local.set $xl (i16x8.extend_low_i8x16_s (local.get $v)))
      (local.set $xh (i16x8.extend_high_i8x16_s (local.get $v)))
      (local.set $a0 (call $dot (local.get $a0) (v128.load (i32.add (local.get $w) (local.get $kw)))
        (v128.load offset=16 (i32.add (local.get $w) (local.get $kw))) (local.get $xl) (local.get $xh)))
      (local.set $a1 (call $dot (local.get $a1) (v128.load (i32.add (local.get $w1) (local.get $kw)))
        (v128.load offset=16 (i32.add (local.get $w1) (local.get $kw))) (local.get $xl) (local.get $xh)))
      (local.set $a2 (call $dot (local.get $a2) (v128.load (i32.add (local.get $w2) (local.get $kw)))
        (v128.load offset=16 (i32.add (local.get $w2) (local.get $kw))) (local.get $xl) (local.get $xh)))
      (local.set $a3 (call $dot (local.get $a3) (v128.load (i32.add (local.get $w3) (local.get $kw)))
        (v128.load offset=16 (i32.add (local.get $w3) (local.get $kw))) (local.get $xl) (local.get $xh)))
      (local.set $k (i32.add (local.get $k) (i32.const 16)))
      (br_if $next (i32.lt_u (local.get $k) (local.get $kp))))
    (v128.store (local.get $o)
      (call $hsum4 (local.get $a0) (local.get $a1) (local.get $a2) (local.get $a3))))

  ;; 1 row by 1 column: the tail when N is not a multiple of 4.
  (func $block1x1 (param $w i32) (param $x i32) (param $kp i32) (param $o i32)
    (local $k i32) (local $kw i32) (local $v v128) (local $a v128)
    (loop $next
      (local.set $kw (i32.shl (local.get $k) (i32.const 1)))
      (local.set $v (v128.load (i32.add (local.get $x) (local.get $k))))
      (local.set $a (call $dot (local.get $a) (v128.load (i32.add (local.get $w) (local.get $kw)))
        (v128.load offset=16 (i32.add (local.get $w) (local.get $kw)))
        (i16x8.extend_low_i8x16_s (local.get $v)) (i16x8.extend_high_i8x16_s (local.get $v))))
      (local.set $k (i32.add (local.get $k) (i32.const 16)))
      (br_if $next (i32.lt_u (local.get $k) (local.get $kp))))
    (i32.store (local.get $o) (call $hsum (local.get $a))))

  ;; One row (or two, when $two is set) against every column. Weight rows are 2 kp bytes.
  (func $rows (param $w i32) (param $x i32) (param $o i32) (param $n i32) (param $kp i32)
    (param $two i32)
    (local $c i32)
    (if (i32.eqz (local.get $two)) (then (block $done8 (loop $next8
      (br_if $done8 (i32.gt_u (i32.add (local.get $c) (i32.const 8)) (local.get $n)))
      (call $block1x8 (local.get $w) (local.get $x) (local.get $kp) (local.get $o))
      (local.set $w (i32.add (local.get $w) (i32.shl (local.get $kp) (i32.const 4))))
      (local.set $o (i32.add (local.get $o) (i32.const 32)))
      (local.set $c (i32.add (local.get $c) (i32.const 8)))
      (br $next8)))))
    (block $done4 (loop $next4
      (br_if $done4 (i32.gt_u (i32.add (local.get $c) (i32.const 4)) (local.get $n)))
      (if (local.get $two)
        (then (call $block2x4 (local.get $w) (local.get $x) (local.get $kp) (local.get $o)
          (i32.shl (local.get $n) (i32.const 2))))
        (else (call $block1x4 (local.get $w) (local.get $x) (local.get $kp) (local.get $o))))
      (local.set $w (i32.add (local.get $w) (i32.shl (local.get $kp) (i32.const 3))))
      (local.set $o (i32.add (local.get $o) (i32.const 16)))
      (local.set $c (i32.add (local.get $c) (i32.const 4)))
      (br $next4)))
    (block $done1 (loop $next1
      (br_if $done1 (i32.ge_u (local.get $c) (local.get $n)))
      (call $block1x1 (local.get $w) (local.get $x) (local.get $kp) (local.get $o))
      (if (local.get $two)
        (then (call $block1x1 (local.get $w) (i32.add (local.get $x) (local.get $kp))
          (local.get $kp) (i32.add (local.get $o) (i32.shl (local.get $n) (i32.const 2))))))
      (local.set $w (i32.add (local.get $w) (i32.shl (local.get $kp) (i32.const 1))))
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
      (br $next)))))
