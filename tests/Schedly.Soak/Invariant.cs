namespace Schedly.Soak;

/// <summary>One invariant the checker proved or refuted: what it says, how many things it looked at, what broke it.</summary>
public sealed record Invariant(string Statement, int Checked, IReadOnlyList<string> Violations, string? Note = null)
{
    public bool Holds => Violations.Count == 0;
}
