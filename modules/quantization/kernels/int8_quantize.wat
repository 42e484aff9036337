;; Quantizes float32 inputs to int8 for the int8 matmul kernels, WebAssembly SIMD (no relaxed
;; instructions), in the memory the kernels share.
;;
;;   xq = clamp(nearestEven(x / scale) + zeroPoint, qmin, qmax)      stored as int8
;;
;; with the division in float32 (one correctly rounded f32 division, as ONNX QuantizeLinear and
;; ONNX Runtime divide) and ties to even, so xq equals the TypeScript reference
;; (roundHalfToEven(Math.fround(x / scale))) bit for bit. The caller guarantees: scale a finite
;; float32 value > 0, zeroPoint an integer in [-128, 127], -128 <= qmin <= qmax <= 127 integers
;; (all passed as f64, each exactly a float32 value).
;;
;; How, per four lanes (q = x / scale in f32x4):
;;
;;   t = clamp(nearest(q), qmin - zeroPoint, qmax - zeroPoint)
;;   then truncate t to i32 (it is an integer), narrow to i16, add zeroPoint, narrow to i8.
;;
;; Proof that this is the reference (rounding the quotient, adding, clamping): nearest(q) is an
;; integer (or +-inf when q overflowed), the bounds are exact small integers, so
;; clamp(nearest(q), qmin - zp, qmax - zp) + zp = clamp(nearest(q) + zp, qmin, qmax) for every
;; integer or infinite nearest(q). t lies in [qmin - zp, qmax - zp], within [-255, 255], so the
;; truncation and the narrow to i16 are exact, adding zp lands in [qmin, qmax], and the narrow to
;; i8 is exact. f32x4.pmax / f32x4.pmin: for a finite x nothing is NaN (finite / positive finite
;; is finite or +-inf), and then pmax(v, lo) = v < lo ? lo : v and pmin(v, hi) = hi < v ? hi : v,
;; exactly the reference's comparisons.
;; A NaN or +-inf x gives some byte (the caller throws anyway): the export reports it with a flag.
;; The tail of a row (k not a multiple of 16) takes the reference steps literally, one by one.
;;
;; Layout: src holds rows of k float32 (contiguous, no padding); dst rows of kp int8 (kp a
;; multiple of 16); the padding bytes of dst are not written.
;; Build: deno task build:kernels
(module
  (import "env" "memory" (memory 1))

  ;; t = clamp(nearest(v / s), lo, hi) as an i32x4, for the f32x4 $v (see the proof above).
  (func $quad (param $v v128) (param $s v128) (param $lo v128) (param $hi v128) (result v128)
    (i32x4.trunc_sat_f32x4_s
      (f32x4.pmin
        (f32x4.pmax (f32x4.nearest (f32x4.div (local.get $v) (local.get $s))) (local.get $lo))
        (local.get $hi))))

  ;; All-ones lanes where the f32x4 $v is finite (|v| < inf is false for NaN and +-inf).
  (func $finite (param $v v128) (result v128)
    (f32x4.lt (f32x4.abs (local.get $v)) (v128.const f32x4 inf inf inf inf)))

  ;; The reference steps, literally, for one value (the tail of a row whose length is not a
  ;; multiple of 16). select keeps v unless the comparison holds, like the TS ternaries; the f32
  ;; addition of zp is exact below 2^24, and above it v is far beyond qmax either way.
  (func $one (param $x f32) (param $scale f32) (param $zp f32) (param $qmin f32) (param $qmax f32)
    (result i32)
    (local $v f32)
    (local.set $v (f32.add
      (f32.nearest (f32.div (local.get $x) (local.get $scale)))
      (local.get $zp)))
    (local.set $v
      (select (local.get $qmin) (local.get $v) (f32.lt (local.get $v) (local.get $qmin))))
    (local.set $v
      (select (local.get $qmax) (local.get $v) (f32.gt (local.get $v) (local.get $qmax))))
    (i32.trunc_sat_f32_s (local.get $v)))

  ;; Quantizes rows x k floats at $src into rows of $kp bytes at $dst. Returns 1 if some input is
  ;; NaN or +-inf (the bytes written are then meaningless), else 0.
  (func (export "quantize") (param $src i32) (param $dst i32) (param $rows i32) (param $k i32)
    (param $kp i32) (param $scale64 f64) (param $zp64 f64) (param $qmin64 f64) (param $qmax64 f64)
    (result i32)
    (local $scale f32) (local $zp f32) (local $qmin f32) (local $qmax f32)
    (local $s v128) (local $z v128) (local $lo v128) (local $hi v128) (local $ok v128)
    (local $v0 v128) (local $v1 v128) (local $v2 v128) (local $v3 v128)
    (local $r i32) (local $j i32) (local $k16 i32) (local $p i32) (local $x f32) (local $okTail i32)
    ;; Each parameter is exactly a float32 value, so the demotions are exact.
    (local.set $scale (f32.demote_f64 (local.get $scale64)))
    (local.set $zp (f32.demote_f64 (local.get $zp64)))
    (local.set $qmin (f32.demote_f64 (local.get $qmin64)))
    (local.set $qmax (f32.demote_f64 (local.get $qmax64)))
    (local.set $s (f32x4.splat (local.get $scale)))
    (local.set $z (i16x8.splat (i32.trunc_sat_f32_s (local.get $zp))))
    (local.set $lo (f32x4.splat (f32.sub (local.get $qmin) (local.get $zp))))
    (local.set $hi (f32x4.splat (f32.sub (local.get $qmax) (local.get $zp))))
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
              (call $quad (local.get $v0) (local.get $s) (local.get $lo) (local.get $hi))
              (call $quad (local.get $v1) (local.get $s) (local.get $lo) (local.get $hi))))
            (i16x8.add (local.get $z) (i16x8.narrow_i32x4_s
              (call $quad (local.get $v2) (local.get $s) (local.get $lo) (local.get $hi))
              (call $quad (local.get $v3) (local.get $s) (local.get $lo) (local.get $hi))))))
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
