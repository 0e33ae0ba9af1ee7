using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Z3;

namespace GeneralizationProofs.Verification.Solver;

/// <summary>
/// Strings into and out of libz3 4.8.12, each way unambiguous (issue 12: the printed form was not).
/// <para>In: <c>Z3_mk_string</c> reads <c>\u{hex}</c> escapes (and leaves <c>\x41</c> or <c>\\</c> as they are), so
/// every character outside printable ASCII and every backslash goes in as <c>\u{hex}</c> (<see
/// cref="PatternEncoding.EscapeCharacters"/>): then a backslash in pattern text can never start an escape.</para>
/// <para>Out: <c>Z3_get_string</c> prints a backslash raw, so <c>\x41</c> in a witness reads back as <c>A</c>. We use
/// <c>Z3_get_lstring</c> instead, whose bytes (measured on 4.8.12, all 256 values) are each character up to U+00FF as
/// that one byte, and a longer escape for any other; with the length from <c>str.len</c>, bytes == length exactly when
/// every character is at most U+00FF, and then byte i is character i (Latin-1). Any other witness is outside the
/// alphabet, so it is no counterexample, and is reported as what it is: an engine error.</para>
/// </summary>
internal static class Z3Strings
{
    public static IntPtr Make(IntPtr ctx, string s) => Native.Z3_mk_string(ctx, PatternEncoding.EscapeCharacters(s));

    /// <summary>The model's value of <paramref name="x"/> after a sat check, as the answer's witness.</summary>
    public static Answer Witness(IntPtr ctx, IntPtr solver, IntPtr x)
    {
        var model = Native.Z3_solver_get_model(ctx, solver);
        Native.Z3_model_inc_ref(ctx, model);
        try
        {
            var value = IntPtr.Zero;
            if (Native.Z3_model_eval(ctx, model, x, 1, ref value) == 0)
            {
                return Answer.Unknown("engine error: sat, but the model gave no string");
            }
            return Read(ctx, value, out var problem) is { } witness ? Answer.Sat(witness) : Answer.Unknown($"engine error: {problem}");
        }
        finally
        {
            Native.Z3_model_dec_ref(ctx, model);
        }
    }

    /// <summary>The characters of a string value, or null (with why) when it holds one above U+00FF.</summary>
    public static string? Read(IntPtr ctx, IntPtr value, out string? problem)
    {
        problem = null;
        uint bytes = 0;
        var text = Native.LIB.Z3_get_lstring(ctx, value, ref bytes);
        if (Native.Z3_get_error_code(ctx) != 0 || (text == IntPtr.Zero && bytes > 0))
        {
            problem = "the model's value is not a string literal";
            return null;
        }
        var lengthTerm = Native.Z3_mk_seq_length(ctx, value);
        Native.Z3_inc_ref(ctx, lengthTerm);
        var length = Native.Z3_simplify(ctx, lengthTerm);
        Native.Z3_inc_ref(ctx, length);
        uint characters = 0;
        var known = Native.Z3_get_numeral_uint(ctx, length, ref characters) != 0;
        Native.Z3_dec_ref(ctx, length);
        Native.Z3_dec_ref(ctx, lengthTerm);
        if (!known || characters != bytes)
        {
            problem = $"the solver's witness has {characters} characters in {bytes} bytes: one is above U+00FF, outside the alphabet";
            return null;
        }
        if (bytes == 0)
        {
            return "";
        }
        var raw = new byte[bytes];
        Marshal.Copy(text, raw, 0, raw.Length);
        return Encoding.Latin1.GetString(raw);
    }
}
