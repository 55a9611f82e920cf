using System.Reflection;

namespace Schedly.LocalRunner.Discovery;

/// <summary>A <c>[Function]</c> method found by reflection, and its trigger.</summary>
public abstract record FunctionDescriptor(string Name, Type FunctionClass, MethodInfo Method, ParameterInfo TriggerParameter);

/// <summary>An HTTP trigger: its methods (null = any) and route template without the host's prefix.</summary>
public sealed record HttpFunction(string Name, Type FunctionClass, MethodInfo Method, ParameterInfo TriggerParameter, IReadOnlyList<string>? HttpMethods, string Route)
    : FunctionDescriptor(Name, FunctionClass, Method, TriggerParameter);

/// <summary>A queue trigger on <see cref="QueueName"/>; <see cref="Connection"/> names the storage setting.</summary>
public sealed record QueueFunction(string Name, Type FunctionClass, MethodInfo Method, ParameterInfo TriggerParameter, string QueueName, string Connection)
    : FunctionDescriptor(Name, FunctionClass, Method, TriggerParameter);

/// <summary>A timer trigger with its schedule as written (possibly a <c>%Setting%</c> reference).</summary>
public sealed record TimerFunction(string Name, Type FunctionClass, MethodInfo Method, ParameterInfo TriggerParameter, string Schedule, bool RunOnStartup)
    : FunctionDescriptor(Name, FunctionClass, Method, TriggerParameter);
