using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Schedly.LocalRunner.Discovery;

namespace Schedly.LocalRunner.Triggers;

/// <summary>
/// Calls a function method the way the worker does: a new instance per invocation from a DI scope
/// (constructor injection), the trigger payload bound to the trigger parameter, named values
/// (route values) to same-named string parameters, and the invocation's cancellation token.
/// </summary>
public static class FunctionInvoker
{
    public static async Task<object?> InvokeAsync(
        IServiceProvider services,
        FunctionDescriptor function,
        object? triggerValue,
        IReadOnlyDictionary<string, object?> namedValues,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(function);
        await using var scope = services.CreateAsyncScope();
        var instance = function.Method.IsStatic
            ? null
            : ActivatorUtilities.CreateInstance(scope.ServiceProvider, function.FunctionClass);
        try
        {
            var arguments = function.Method.GetParameters()
                .Select(p => Bind(p, function, triggerValue, namedValues, cancellationToken))
                .ToArray();
            object? returned;
            try
            {
                returned = function.Method.Invoke(instance, arguments);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
                throw;
            }

            return await UnwrapAsync(returned).ConfigureAwait(false);
        }
        finally
        {
            switch (instance)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }

    /// <summary>Checks at start-up that every parameter of <paramref name="function"/> can be bound.</summary>
    public static void EnsureBindable(FunctionDescriptor function, ISet<string> namedValueNames)
    {
        ArgumentNullException.ThrowIfNull(function);
        foreach (var parameter in function.Method.GetParameters())
        {
            var bindable = parameter == function.TriggerParameter
                || parameter.ParameterType == typeof(CancellationToken)
                || (namedValueNames.Contains(parameter.Name!) && IsSimple(parameter.ParameterType));
            if (!bindable)
            {
                throw new InvalidOperationException(
                    $"Function '{function.Name}': parameter '{parameter.Name}' is neither the trigger, a route value nor a CancellationToken. " +
                    "Functions take services by constructor injection so both hosts can run them.");
            }
        }
    }

    private static object? Bind(
        ParameterInfo parameter,
        FunctionDescriptor function,
        object? triggerValue,
        IReadOnlyDictionary<string, object?> namedValues,
        CancellationToken cancellationToken)
    {
        if (parameter == function.TriggerParameter)
        {
            return triggerValue;
        }

        if (parameter.ParameterType == typeof(CancellationToken))
        {
            return cancellationToken;
        }

        if (namedValues.TryGetValue(parameter.Name!, out var value))
        {
            return ConvertSimple(value, parameter.ParameterType);
        }

        return parameter.HasDefaultValue ? parameter.DefaultValue : null;
    }

    private static bool IsSimple(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying == typeof(string) || underlying.IsPrimitive || underlying == typeof(Guid);
    }

    private static object? ConvertSimple(object? value, Type type)
    {
        if (value is null || type.IsInstanceOfType(value))
        {
            return value;
        }

        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        var text = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
        return underlying == typeof(Guid)
            ? Guid.Parse(text!)
            : Convert.ChangeType(text, underlying, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<object?> UnwrapAsync(object? returned)
    {
        switch (returned)
        {
            case Task task:
                await task.ConfigureAwait(false);
                var resultProperty = task.GetType().GetProperty("Result");
                return resultProperty is not null && resultProperty.PropertyType.Name != "VoidTaskResult"
                    ? resultProperty.GetValue(task)
                    : null;
            case ValueTask valueTask:
                await valueTask.ConfigureAwait(false);
                return null;
            default:
                if (returned is not null && returned.GetType().IsGenericType
                    && returned.GetType().GetGenericTypeDefinition() == typeof(ValueTask<>))
                {
                    var asTask = (Task)returned.GetType().GetMethod(nameof(ValueTask<int>.AsTask))!.Invoke(returned, null)!;
                    return await UnwrapAsync(asTask).ConfigureAwait(false);
                }

                return returned;
        }
    }
}
