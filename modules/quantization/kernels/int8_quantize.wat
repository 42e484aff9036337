;; Quantizes float32 inputs to int8 for the int8 matmul kernels, WebAssembly SIMD (no relaxed
;; instructions), in the memory the kernels share.
;;
;;   xq = clamp(nearestEven(f64(x) / scale) + zeroPoint, qmin, qmax)      stored as int8
;;
;; with every step in float64 (x promoted exactly, one division, ties to even), so xq equals the
;; TypeScript reference bit for bit. The caller guarantees: scale finite and > 0, zeroPoint an
;; integer in [-128, 127], -128 <= qmin <= qmax <= 127 integers (all passed as f64).
;;
;; How, per pair of lanes (q = f64(x) / scale, one correctly rounded division as in TS):
;;
;;   t = clamp(q + R, R + qmin - zeroPoint, R + qmax - zeroPoint)    R = 1.5 * 2^52
;;   then the low 32 bits of t, read as an i32, are t - R; narrow to i16, add zeroPoint, narrow
;;   to i8.
;;
;; Proof that this is the reference (rounding the quotient, adding, clamping):
;; - |q| < 2^51: q + R lies in (2^52, 2^53), where the doubles are exactly the integers, so the
;;   addition rounds q to an integer, ties to even (R is even, so the even neighbour of q + R is
;;   R + the even neighbour of q): q + R = R + nearestEven(q). The bounds are exact integers, so
;;   t = R + clamp(nearestEven(q), qmin - zp, qmax - zp)
;;     = R + clamp(nearestEven(q) + zp, qmin, qmax) - zp.
;; - q >= 2^51 (or +inf): rounding is monotonic, so q + R >= R + 2^51, above the upper bound, and
;;   t is the upper bound, as in the reference (nearestEven(q) + zp > qmax); q <= -2^51 (or -inf)
;;   likewise gives the lower bound.
;; - t is in [2^52, 2^53), so its 52 mantissa bits hold t - 2^52 = 2^51 + (t - R), and the low 32
;;   bits are t - R in two's complement (2^51 is 0 modulo 2^32). t - R lies in
;;   [qmin - zp, qmax - zp], within [-255, 255] since every value is in [-128, 127], so the narrow
;;   to i16 is exact, adding zp lands in [qmin, qmax], and the narrow to i8 is exact.
;; - f64x2.pmax / f64x2.pmin (maxpd / minpd) instead of f64x2.max / min: for a finite x nothing is
;;   NaN (finite / positive finite is finite or +-inf, and +-inf + R is +-inf), and then
;;   pmax(v, lo) = v < lo ? lo : v and pmin(v, hi) = hi < v ? hi : v, exactly the reference.
;; A NaN or +-inf x gives some byte (the caller throws anyway): the export reports it with a flag.
;; The tail of a row (k not a multiple of 16) takes the reference steps literally, one by one.
;;
;; Layout: src holds rows of k float32 (contiguous, no padding); dst rows of kp int8 (kp a
;; multiple of 16); the padding bytes of dst are not written.
;; Build: deno run -A modules/quantization/kernels/build_wasm.ts
(module
  (import "env" "memory" (memory 1))

  ;; t = clamp(d / s + R, lo, hi) for the f64x2 $d (see the proof above).
  (func $pair (param $d v128) (param $s v128) (param $lo v128) (param $hi v128) (result v128)
    (f64x2.pmin
      (f64x2.pmax
        (f64x2.add (f64x2.div (local.get $d) (local.get $s)) (v128.const f64x2 0x1.8p52 0x1.8p52))
        (local.get $lo))
      (local.get $hi)))

  ;; The four values t - R as an i32x4, from the four f32 at $p (the first two also in $v).
  (func $quad (param $v v128) (param $p i32) (param $s v128) (param $lo v128) (param $hi v128)
    (result v128)
    (i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27
      (call $pair (f64x2.promote_low_f32x4 (local.get $v))
        (local.get $s) (local.get $lo) (local.get $hi))
      (call $pair (f64x2.promote_low_f32x4 (v128.load64_zero offset=8 (local.get $p)))
        (local.get $s) (local.get $lo) (local.get $hi))))

  ;; All-ones lanes where the f32x4 $v is finite (|v| < inf is false for NaN and +-inf).
  (func $finite (param $v v128) (result v128)
    (f32x4.lt (f32x4.abs (local.get $v)) (v128.const f32x4 inf inf inf inf)))

  ;; The reference steps, literally, for one value (the tail of a row whose length is not a
  ;; multiple of 16). select keeps v unless the comparison holds, like the TS ternaries.
  (func $one (param $x f32) (param $scale f64) (param $zp f64) (param $qmin f64) (param $qmax f64)
    (result i32)
    (local $v f64)
    (local.set $v (f64.add
      (f64.nearest (f64.div (f64.promote_f32 (local.get $x)) (local.get $scale)))
      (local.get $zp)))
    (local.set $v
      (select (local.get $qmin) (local.get $v) (f64.lt (local.get $v) (local.get $qmin))))
    (local.set $v
      (select (local.get $qmax) (local.get $v) (f64.gt (local.get $v) (local.get $qmax))))
    (i32.trunc_sat_f64_s (local.get $v)))

  ;; Quantizes rows x k floats at $src into rows of $kp bytes at $dst. Returns 1 if some input is
  ;; NaN or +-inf (the bytes written are then meaningless), else 0.
  (func (export "quantize") (param $src i32) (param $dst i32) (param $rows i32) (param $k i32)
    (param $kp i32) (param $scale f64) (param $zp f64) (param $qmin f64) (param $qmax f64)
    (result i32)
    (local $s v128) (local $z v128) (local $lo v128) (local $hi v128) (local $ok v128)
    (local $v0 v128) (local $v1 v128) (local $v2 v128) (local $v3 v128)
    (local $r i32) (local $j i32) (local $k16 i32) (local $p i32) (local $x f32) (local $okTail i32)
    (local.set $s (f64x2.splat (local.get $scale)))
    (local.set $z (i16x8.splat (i32.trunc_sat_f64_s (local.get $zp))))
    (local.set $lo (f64x2.splat
      (f64.add (f64.const 0x1.8p52) (f64.sub (local.get $qmin) (local.get $zp)))))
    (local.set $hi (f64x2.splat
      (f64.add (f64.const 0x1.8p52) (f64.sub (local.get $qmax) (local.get $zp)))))
    (local.set $ok (v128.const i32x4 -1 -1 -1 -1))
    (local.set $okTail (i32.const 1))
    (local.set $k16 (i32.and (local.get $k) (i32.const -16)))
    (block $doneRows (loop $nextRow
      (br_if $doneRows (i32.ge_u (local.get $r) (local.get $rows)))
      (local.set $j (i32.const 0))
      (block $done16 (loop $next16
        (br_if $done16 (i32.ge_u (local.get $j) (local.get $k16)))
        (local.set $p (i32.add (local.get $src) (i32.shl (local.get $j) (i32.const 2))))
        (local.set $v0 (v128.load (local.get $p)))
        (local.set $v1 (v128.load offset=16 (local.get $p)))
        (local.set $v2 (v128.load offset=32 (local.get $p)))
        (local.set $v3 (v128.load offset=48 (local.get $p)))
        (local.set $ok (v128.and (local.get $ok) (v128.and
          (v128.and (call $finite (local.get $v0)) (call $finite (local.get $v1)))
          (v128.and (call $finite (local.get $v2)) (call $finite (local.get $v3))))))
        (v128.store (i32.add (local.get $dst) (local.get $j))
          (i8x16.narrow_i16x8_s
            (i16x8.add (local.get $z) (i16x8.narrow_i32x4_s
              (call $quad (local.get $v0) (local.get $p)
                (local.get $s) (local.get $lo) (local.get $hi))
              (call $quad (local.get $v1) (i32.add (local.get $p) (i32.const 16))
                (local.get $s) (local.get $lo) (local.get $hi))))
            (i16x8.add (local.get $z) (i16x8.narrow_i32x4_s
              (call $quad (local.get $v2) (i32.add (local.get $p) (i32.const 32))
                (local.get $s) (local.get $lo) (local.get $hi))
              (call $quad (local.get $v3) (i32.add (local.get $p) (i32.const 48))
                (local.get $s) (local.get $lo) (local.get $hi))))))
        (local.set $j (i32.add (local.get $j) (i32.const 16)))
        (br $next16)))
      (block $doneTail (loop $nextTail
        (br_if $doneTail (i32.ge_u (local.get $j) (local.get $k)))
        (local.set $x (f32.load (i32.add (local.get $src) (i32.shl (local.get $j) (i32.const 2)))))
        (local.set $okTail (i32.and (local.get $okTail)
          (f32.lt (f32.abs (local.get $x)) (f32.const inf))))
        (i32.store8 (i32.add (local.get $dst) (local.get $j))
          (call $one (local.get $x) (local.get $scale) (local.get $zp) (local.get $qmin)
            (local.get $qmax)))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $nextTail)))
      (local.set $src (i32.add (local.get $src) (i32.shl (local.get $k) (i32.const 2))))
      (local.set $dst (i32.add (local.get $dst) (local.get $kp)))
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (br $nextRow)))
    (i32.or (i32.eqz (local.get $okTail)) (i32.eqz (i32x4.all_true (local.get $ok))))))
