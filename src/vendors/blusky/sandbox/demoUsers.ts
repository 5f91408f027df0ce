/**
 * BluSKY users the simulator starts with. Ids are fixed GUIDs (not seeded) so
 * the README and tests can name them.
 */
export interface DemoUser {
  id: string;
  name: string;
}

export const demoUsers: readonly DemoUser[] = [
  { id: 'd246fd51-4462-4067-ad14-d393ec225aba', name: 'Amara Okafor' },
  { id: '5a74740a-b85c-4ec8-ba4b-12a652011924', name: 'Erik Lindqvist' },
  { id: '14ba8e40-cd05-4711-ac7d-f510c3a1949d', name: 'Yuki Nakamura' },
  { id: 'b78b49ae-a5f1-4a77-b060-bbe145b23935', name: 'Beatriz Ferreira' },
  { id: '3f26e22a-2ec7-4c5a-9264-11970a8b8573', name: 'Piotr Kowalski' },
  { id: 'e85f45fa-94c9-4f73-95e1-f7cf85d2f6f0', name: 'Thando Mbeki' },
  { id: '4262a68f-8240-4ff5-9d83-98175670b45a', name: "Siobhan O'Connell" },
  { id: '13769dd5-c4b6-4701-ad30-d102a27ee018', name: 'Diego Ramírez' },
  { id: 'f27c401e-807b-40d0-9e58-fa024907f8c7', name: 'Priya Raghunathan' },
  { id: '73294b6d-52ce-417a-95c2-029892e0e724', name: 'Jonas Weber' },
];
