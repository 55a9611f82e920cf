namespace Schedly.Core.Validation;

/// <summary>Either a valid value or the reasons it is not valid.</summary>
public readonly struct Validated<T>
    where T : notnull
{
    private readonly T? _value;

    private Validated(T? value, ValidationErrors? errors)
    {
        _value = value;
        Errors = errors ?? new ValidationErrors();
    }

    public bool IsValid => Errors.IsEmpty;

    public ValidationErrors Errors { get; }

    /// <summary>The valid value; throws when the input was invalid.</summary>
    public T Value => IsValid && _value is not null
        ? _value
        : throw new InvalidOperationException($"The value is not valid: {Errors}");

    public static Validated<T> Valid(T value) => new(value, null);

    public static Validated<T> Invalid(ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.IsEmpty)
        {
            throw new ArgumentException("An invalid result needs at least one error.", nameof(errors));
        }

        return new(default, errors);
    }
}
