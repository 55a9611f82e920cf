// The user-assigned managed identity the Function App runs as: storage, Key Vault, App Insights and
// ACS all accept it, so the app holds no keys or connection strings.
@description('Name of the managed identity.')
param name string

@description('Location of the identity.')
param location string

@description('Tags applied to the identity.')
param tags object = {}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
