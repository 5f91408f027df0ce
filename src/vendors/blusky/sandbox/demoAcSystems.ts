/** Access control systems a card can belong to (what /ACSystem/GetAllSystems would list). */
export interface DemoAcSystem {
  id: string;
  name: string;
}

export const demoAcSystems: readonly DemoAcSystem[] = [
  { id: '904b8d76-4cef-4d29-8d9e-181c246a98cd', name: 'BluSKY Cloud ACS: Headquarters, 100 Summer St' },
  { id: '74a9e147-b20a-436f-85b6-b348c30d3c99', name: 'BluSKY Cloud ACS: Distribution Center' },
  { id: '0b70df4d-55f2-44eb-84d2-4b0ba60d2834', name: 'Legacy OnGuard bridge: Annex' },
];
